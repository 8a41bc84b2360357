package dev.precog.host;

import dev.precog.model.Metric;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;

/** Pure parsing of Linux /proc text into metrics; the I/O lives in {@link ProcfsHostMetricsSource}. */
final class ProcfsParser {

    private static final Set<String> STATUS_KEYS = Set.of("VmRSS", "Threads");
    private static final Set<String> MEMINFO_KEYS = Set.of("MemTotal", "MemAvailable", "SwapTotal", "SwapFree");

    /** user nice system idle iowait irq softirq steal; guest and guest_nice are already in user and nice. */
    private static final int CPU_COLUMNS = 8;
    private static final int IDLE = 3;
    private static final int IOWAIT = 4;
    private static final int STEAL = 7;

    private ProcfsParser() {
    }

    /** Aggregate CPU time in ticks since boot; idle includes iowait, as in OSHI's load. */
    record CpuTicks(long idle, long total, long iowait, long steal) {

        /** Share of the ticks since {@code earlier} spent in iowait, or {@code steal}; empty when none elapsed. */
        OptionalDouble shareSince(CpuTicks earlier, boolean ofSteal) {
            long elapsed = total - earlier.total;
            long part = ofSteal ? steal - earlier.steal : iowait - earlier.iowait;
            return elapsed <= 0 || part < 0 || part > elapsed ? OptionalDouble.empty() : OptionalDouble.of((double) part / elapsed);
        }

        /** Busy share of the ticks since {@code earlier}; empty when none elapsed or the counters went back. */
        OptionalDouble loadSince(CpuTicks earlier) {
            long elapsed = total - earlier.total;
            long idled = idle - earlier.idle;
            if (elapsed <= 0 || idled < 0 || idled > elapsed) {
                return OptionalDouble.empty();
            }
            return OptionalDouble.of((double) (elapsed - idled) / elapsed);
        }
    }

    /**
     * The aggregate {@code cpu} line of {@code /proc/stat}, or null if it is missing or malformed. Kernels
     * before 2.6.11 print fewer than eight columns; what they lack counts as zero.
     */
    /**
     * Threads running or ready to run per logical CPU, from {@code procs_running} and the
     * {@code cpuN} lines of /proc/stat; the thread reading the file is running and is left out.
     * Null when either is missing.
     */
    static Double parseRunQueuePerCpu(String stat) {
        long cpus = 0;
        Long running = null;
        for (String line : stat.split("\n")) {
            if (line.startsWith("cpu") && line.length() > 3 && Character.isDigit(line.charAt(3))) {
                cpus++;
            } else if (line.startsWith("procs_running ")) {
                try {
                    running = Long.parseLong(line.substring("procs_running ".length()).trim());
                } catch (NumberFormatException e) {
                    return null;
                }
            }
        }
        if (running == null || cpus == 0) {
            return null;
        }
        return Math.max(0, running - 1) / (double) cpus;
    }

    static CpuTicks parseCpuTicks(String stat) {
        for (String line : stat.split("\n")) {
            String[] parts = line.trim().split("\\s+");
            if (!parts[0].equals("cpu")) {
                continue;
            }
            if (parts.length < 1 + IDLE + 1) {
                return null; // not even user nice system idle
            }
            try {
                long total = 0;
                long idle = 0;
                long iowait = 0;
                long steal = 0;
                for (int i = 0; i < CPU_COLUMNS && i + 1 < parts.length; i++) {
                    long ticks = Long.parseLong(parts[i + 1]);
                    if (ticks < 0) {
                        return null;
                    }
                    total = Math.addExact(total, ticks);
                    if (i == IDLE || i == IOWAIT) {
                        idle += ticks;
                    }
                    iowait += i == IOWAIT ? ticks : 0;
                    steal += i == STEAL ? ticks : 0;
                }
                return new CpuTicks(idle, total, iowait, steal);
            } catch (NumberFormatException | ArithmeticException e) {
                return null; // a counter past Long.MAX_VALUE or garbage: no load rather than a wrong one
            }
        }
        return null;
    }

    /** {@link Metric#PROCESS_RSS} and {@link Metric#PROCESS_THREADS} from {@code /proc/<pid>/status}. */
    static Map<Metric, Double> parseStatus(String status) {
        Map<String, Long> fields = fields(status, STATUS_KEYS);
        Map<Metric, Double> values = new EnumMap<>(Metric.class);
        putIfPresent(values, Metric.PROCESS_RSS, fields.get("VmRSS")); // kernel threads have none
        putIfPresent(values, Metric.PROCESS_THREADS, fields.get("Threads"));
        return values;
    }

    /** Host memory and swap from {@code /proc/meminfo}; MemAvailable is missing before Linux 3.14. */
    static Map<Metric, Double> parseMeminfo(String meminfo) {
        Map<String, Long> fields = fields(meminfo, MEMINFO_KEYS);
        Map<Metric, Double> values = new EnumMap<>(Metric.class);
        putIfPresent(values, Metric.HOST_MEMORY_TOTAL, fields.get("MemTotal"));
        putIfPresent(values, Metric.HOST_MEMORY_AVAILABLE, fields.get("MemAvailable"));
        Long swapTotal = fields.get("SwapTotal");
        Long swapFree = fields.get("SwapFree");
        putIfPresent(values, Metric.HOST_SWAP_TOTAL, swapTotal);
        if (swapTotal != null && swapFree != null && swapFree <= swapTotal) {
            values.put(Metric.HOST_SWAP_USED, (double) (swapTotal - swapFree));
        }
        return values;
    }

    /** The wanted {@code Key:  123 kB} lines, in bytes where the line says kB; malformed lines are skipped. */
    private static Map<String, Long> fields(String text, Set<String> wanted) {
        Map<String, Long> fields = new HashMap<>();
        for (String line : text.split("\n")) {
            int colon = line.indexOf(':');
            if (colon < 0 || !wanted.contains(line.substring(0, colon))) {
                continue;
            }
            String[] parts = line.substring(colon + 1).trim().split("\\s+");
            try {
                long value = Long.parseLong(parts[0]);
                if (value >= 0) {
                    boolean kibibytes = parts.length > 1 && parts[1].equals("kB"); // the kernel's "kB" is 1024
                    fields.putIfAbsent(line.substring(0, colon), kibibytes ? Math.multiplyExact(value, 1024L) : value);
                }
            } catch (NumberFormatException | ArithmeticException e) {
                // not a number we can use: leave the field absent rather than guess
            }
        }
        return fields;
    }

    private static void putIfPresent(Map<Metric, Double> values, Metric metric, Long value) {
        if (value != null) {
            values.put(metric, value.doubleValue());
        }
    }
}
