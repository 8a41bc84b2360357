package dev.precog.host;

import dev.precog.model.Metric;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/** Pure parsing of Linux /proc text into metrics; the I/O lives in {@link UnavailableHostMetricsSource}. */
final class ProcfsParser {

    private static final Set<String> STATUS_KEYS = Set.of("VmRSS", "Threads");
    private static final Set<String> MEMINFO_KEYS = Set.of("MemTotal", "MemAvailable", "SwapTotal", "SwapFree");

    private ProcfsParser() {
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
