package dev.precog.host;

import dev.precog.host.ProcfsParser.CpuTicks;
import dev.precog.model.HostSample;
import dev.precog.model.Metric;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;

/** Host and process metrics from Linux's /proc with the JDK alone, for when OSHI is not used. */
public final class ProcfsHostMetricsSource implements HostMetricsSource {

    private final Path proc;
    private final String description;
    private final CgroupMemory cgroup;
    private final SmallFileReader files = new SmallFileReader();
    /** Ticks of the last CPU reading, null before the first; only the sampling thread uses it. */
    private CpuTicks previousTicks;

    /** Creates a source reading /proc; {@code reason}, why OSHI is not used, goes into its description. */
    public ProcfsHostMetricsSource(String reason) {
        this(reason, Path.of("/proc"));
    }

    ProcfsHostMetricsSource(String reason, Path proc) {
        this.proc = proc;
        this.cgroup = new CgroupMemory(proc, Path.of("/sys/fs/cgroup"));
        this.description = Files.isReadable(proc.resolve("self/status"))
                ? "procfs (" + reason + ")"
                : "no host metrics: no readable " + proc + " (" + reason + ")";
    }

    @Override
    public HostSample sample() {
        Instant at = Instant.now();
        Map<Metric, Double> values = new EnumMap<>(Metric.class);
        readCpu(values);
        Map<Metric, Double> status = read("self/status", ProcfsParser::parseStatus);
        if (status != null) {
            values.putAll(status);
        }
        Map<Metric, Double> meminfo = read("meminfo", ProcfsParser::parseMeminfo);
        if (meminfo != null) {
            values.putAll(meminfo);
        }
        cgroup.read(values);
        try (Stream<Path> fds = Files.list(proc.resolve("self/fd"))) {
            long open = fds.count();
            if (open > 0) {
                values.put(Metric.PROCESS_OPEN_FILES, (double) open);
            }
        } catch (IOException | RuntimeException e) {
            // absent, like any reading that fails
        }
        return new HostSample(at, values);
    }

    @Override
    public String description() {
        return description;
    }

    /**
     * Load since the previous call (the counters are cumulative, so one reading alone says
     * nothing), and the run queue, from one read of /proc/stat.
     */
    private void readCpu(Map<Metric, Double> values) {
        String stat = read("stat", text -> text);
        if (stat == null) {
            return;
        }
        RunQueue.put(stat, values);
        CpuTicks ticks = ProcfsParser.parseCpuTicks(stat);
        CpuTicks earlier = previousTicks;
        if (ticks == null || earlier != null && ticks.total() == earlier.total()) {
            return; // unreadable, or sampled within one tick: keep the older baseline
        }
        previousTicks = ticks;
        if (earlier != null) {
            ticks.loadSince(earlier).ifPresent(load -> values.put(Metric.HOST_CPU, load));
            ticks.shareSince(earlier, false).ifPresent(share -> values.put(Metric.HOST_CPU_IOWAIT, share));
            ticks.shareSince(earlier, true).ifPresent(share -> values.put(Metric.HOST_CPU_STEAL, share));
        }
    }

    /** One parsed file, or null when it cannot be read. */
    private <T> T read(String file, Function<String, T> parser) {
        try {
            // Latin-1 maps every byte, so an odd process name cannot make the whole file unreadable
            return parser.apply(files.read(proc.resolve(file), StandardCharsets.ISO_8859_1));
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}
