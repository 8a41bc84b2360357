package dev.precog.host;

import dev.precog.model.Metric;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The memory limit and use of the container (cgroup v2 or v1) this process runs in, from
 * /proc/self/cgroup and the cgroup file system, JDK only. Use is usage minus the page cache (v2
 * {@code file}, v1 {@code total_cache}): the kernel reclaims cache before it kills, so an
 * I/O-heavy container full of cache is not under pressure. (The kubelet's working set leaves out
 * only inactive cache, and is higher.) A cgroup without a limit reports none; a machine without
 * cgroups reports nothing.
 */
public final class CgroupMemory {

    /** Limits at or above this are "no limit" (cgroup v1 writes the page-aligned max long). */
    static final double UNLIMITED = Math.pow(2, 60);

    private final Path proc;
    private final Path cgroupRoot;
    private final SmallFileReader files = new SmallFileReader();
    private String lastCgroupFile;
    private Group lastGroup;

    public CgroupMemory() {
        this(Path.of("/proc"), Path.of("/sys/fs/cgroup"));
    }

    CgroupMemory(Path proc, Path cgroupRoot) {
        this.proc = proc;
        this.cgroupRoot = cgroupRoot;
    }

    /** Adds {@link Metric#CONTAINER_MEMORY_LIMIT} (when limited) and {@link Metric#CONTAINER_MEMORY_USED} to {@code values}. */
    public void read(Map<Metric, Double> values) {
        try {
            Group group = group(files.read(proc.resolve("self/cgroup"), StandardCharsets.UTF_8));
            if (group == null) {
                return;
            }
            if (group.v2()) {
                put(values, number(group.dir().resolve("memory.max")), number(group.dir().resolve("memory.current")),
                        statValue(group.dir().resolve("memory.stat"), "file"));
            } else {
                put(values, number(group.dir().resolve("memory.limit_in_bytes")),
                        number(group.dir().resolve("memory.usage_in_bytes")),
                        statValue(group.dir().resolve("memory.stat"), "total_cache"));
            }
        } catch (IOException | RuntimeException e) {
            // no cgroups here, or not readable: nothing to report, like any reading that fails
        }
    }

    /** The memory group's directory and version; found again only when /proc/self/cgroup changes (the process moved). */
    private Group group(String cgroupFile) {
        if (!cgroupFile.equals(lastCgroupFile)) {
            List<String> lines = List.of(cgroupFile.split("\n"));
            Path v2 = v2Directory(lines);
            Path v1 = v2 == null ? v1Directory(lines) : null;
            lastGroup = v2 != null ? new Group(v2, true) : v1 != null ? new Group(v1, false) : null;
            lastCgroupFile = cgroupFile;
        }
        return lastGroup;
    }

    /** A memory cgroup's directory; {@code v2} for the unified hierarchy. */
    private record Group(Path dir, boolean v2) {}

    private static void put(Map<Metric, Double> values, Double limit, Double usage, Double cache) {
        if (limit != null && limit < UNLIMITED) {
            values.put(Metric.CONTAINER_MEMORY_LIMIT, limit);
        }
        if (usage != null) {
            values.put(Metric.CONTAINER_MEMORY_USED, Math.max(0, usage - (cache == null ? 0 : cache)));
        }
    }

    /** The v2 group's directory ("0::/path"), or null on a v1-only host. */
    private Path v2Directory(List<String> lines) {
        for (String line : lines) {
            if (line.startsWith("0::")) {
                Path dir = within(cgroupRoot, line.substring(3));
                if (Files.isReadable(dir.resolve("memory.current"))) {
                    return dir;
                }
                // inside a container the group's own path is often not mounted: its root is the group
                return Files.isReadable(cgroupRoot.resolve("memory.current")) ? cgroupRoot : null;
            }
        }
        return null;
    }

    /** The v1 memory controller's directory ("N:memory:/path"), or null. */
    private Path v1Directory(List<String> lines) {
        Path mount = cgroupRoot.resolve("memory");
        for (String line : lines) {
            String[] parts = line.split(":", 3);
            if (parts.length == 3 && List.of(parts[1].split(",")).contains("memory")) {
                Path dir = within(mount, parts[2]);
                if (Files.isReadable(dir.resolve("memory.usage_in_bytes"))) {
                    return dir;
                }
                return Files.isReadable(mount.resolve("memory.usage_in_bytes")) ? mount : null;
            }
        }
        return null;
    }

    private static Path within(Path root, String groupPath) {
        String relative = groupPath.startsWith("/") ? groupPath.substring(1) : groupPath;
        return relative.isEmpty() ? root : root.resolve(relative);
    }

    /** A file holding one number, or "max" (no limit); null when absent. */
    private Double number(Path file) throws IOException {
        if (!Files.isReadable(file)) {
            return null;
        }
        String s = files.read(file, StandardCharsets.UTF_8).trim();
        return s.equals("max") ? Double.POSITIVE_INFINITY : Double.parseDouble(s);
    }

    /** The value of {@code key}'s line in a "key value" file, or null. */
    private Double statValue(Path file, String key) throws IOException {
        if (!Files.isReadable(file)) {
            return null;
        }
        String text = files.read(file, StandardCharsets.UTF_8);
        int at = text.startsWith(key + " ") ? 0 : text.indexOf("\n" + key + " ");
        if (at < 0) {
            return null;
        }
        int start = text.indexOf(' ', at + (at == 0 ? 0 : 1)) + 1;
        int end = text.indexOf('\n', start);
        return Double.parseDouble(text.substring(start, end < 0 ? text.length() : end).trim());
    }
}
