package dev.precog.host;

import dev.precog.model.Metric;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;

/**
 * The host's run queue per CPU from /proc/stat: the procfs source parses the text it reads for
 * the CPU ticks, the OSHI source (which has no reading of it) reads the file itself. Absent where
 * there is no /proc.
 */
final class RunQueue {

    private RunQueue() {}

    static void read(Path proc, SmallFileReader files, Map<Metric, Double> values) {
        try {
            put(files.read(proc.resolve("stat"), StandardCharsets.ISO_8859_1), values);
        } catch (IOException | RuntimeException e) {
            // not Linux, or /proc hidden: the run queue is simply not known
        }
    }

    /** From /proc/stat's text already read. */
    static void put(String stat, Map<Metric, Double> values) {
        Double perCpu = ProcfsParser.parseRunQueuePerCpu(stat);
        if (perCpu != null) {
            values.put(Metric.HOST_RUN_QUEUE_PER_CPU, perCpu);
        }
    }
}
