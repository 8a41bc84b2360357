package dev.precog.host;

import dev.precog.model.Metric;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * The host's run queue per CPU, read from /proc/stat directly by both host sources: OSHI has no
 * reading of it, and the file needs no native code. Absent where there is no /proc.
 */
final class RunQueue {

    private RunQueue() {}

    static void read(Path proc, Map<Metric, Double> values) {
        try {
            Double perCpu = ProcfsParser.parseRunQueuePerCpu(
                    new String(Files.readAllBytes(proc.resolve("stat")), StandardCharsets.ISO_8859_1));
            if (perCpu != null) {
                values.put(Metric.HOST_RUN_QUEUE_PER_CPU, perCpu);
            }
        } catch (IOException | RuntimeException e) {
            // not Linux, or /proc hidden: the run queue is simply not known
        }
    }
}
