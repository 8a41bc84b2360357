package dev.precog.agent.profiler;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Finds copies of async-profiler already mapped into this process (/proc/self/maps), whoever
 * loaded them: another agent's {@code -agentpath}, Pyroscope, ap-loader, Datadog's fork. Two copies
 * in one JVM fight over the same signals and JVMTI hooks, so Precog never loads its own beside one.
 */
final class LoadedProfilers {

    /** File names of async-profiler and of forks that install the same signal handlers. */
    private static final List<String> LIBRARY_NAMES = List.of("libasyncprofiler", "libjavaprofiler");
    static final Path SELF_MAPS = Path.of("/proc/self/maps");

    private LoadedProfilers() {}

    /**
     * The paths of profiler libraries in a maps listing, except those under {@code own} (Precog's
     * own extraction directory; null when it has loaded none).
     */
    static List<String> in(String maps, Path own) {
        Set<String> found = new LinkedHashSet<>();
        for (String line : maps.split("\n")) {
            // address perms offset dev inode path: the path is the sixth field and may hold spaces
            String[] fields = line.trim().split("\\s+", 6);
            if (fields.length < 6 || !fields[5].startsWith("/")) {
                continue;
            }
            String path = fields[5].endsWith(" (deleted)") ? fields[5].substring(0, fields[5].length() - " (deleted)".length())
                    : fields[5];
            String name = path.substring(path.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
            if (LIBRARY_NAMES.stream().anyMatch(name::startsWith) && (own == null || !path.startsWith(own + "/"))) {
                found.add(path);
            }
        }
        return List.copyOf(found);
    }

    /**
     * The profiler libraries loaded into this process by anyone but Precog.
     *
     * @throws IOException when the maps cannot be read, so whether one is loaded is unknown
     */
    static List<String> inThisProcess(Path own) throws IOException {
        return in(Files.readString(SELF_MAPS), own);
    }
}
