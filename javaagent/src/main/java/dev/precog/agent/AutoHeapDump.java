package dev.precog.agent;

import dev.precog.analyzer.report.Format;
import dev.precog.model.Finding;
import dev.precog.model.FindingKind;
import dev.precog.model.HeapDumpSuggestion;
import dev.precog.model.HeapDumpSuggestion.AutoDump;
import dev.precog.model.Severity;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The opt-in automatic heap dump ({@code heapDump=auto}): at most one per JVM run, once a
 * MEMORY_LEAK is at WARNING or above and the heap forecast's pessimistic time to running out
 * (the point forecast when it has no bound) is at most {@code heapDumpBefore}. Called after
 * each analysis on the agent's scheduler thread, never on an application thread.
 *
 * <p>While the disk lacks room for the dump (or its free space cannot be read) the dump is
 * refused; the refusal has no side effect, so it is checked again after each analysis and the
 * dump is taken if room appears. A dump that was attempted, whether it was written or failed,
 * is never attempted again in this run: a failure part way has already stopped the JVM once.
 */
final class AutoHeapDump {

    private final Duration before;
    private final HeapDumper dumper;
    private final HeapDumper.DiskSpace disk;
    private boolean attempted;
    private volatile AutoDump record;

    AutoHeapDump(Duration before, HeapDumper dumper, HeapDumper.DiskSpace disk) {
        this.before = before;
        this.dumper = dumper;
        this.disk = disk;
        this.record = armed("no analysis yet");
    }

    /** What it did so far, for the report. */
    AutoDump record() {
        return record;
    }

    /** Dumps now if the findings and the suggestion call for it; returns the record. */
    AutoDump update(List<Finding> findings, HeapDumpSuggestion suggestion, Instant now) {
        if (attempted) {
            return record;
        }
        boolean leak = findings.stream()
                .anyMatch(f -> f.kind() == FindingKind.MEMORY_LEAK && f.severity().atLeast(Severity.WARNING));
        Double left = suggestion.secondsToOutOfMemoryLow() != null
                ? suggestion.secondsToOutOfMemoryLow()
                : suggestion.secondsToOutOfMemory();
        if (!leak || left == null || left > before.toSeconds()) {
            if (!AutoDump.REFUSED.equals(record.status())) {
                record = armed(!leak ? "no MEMORY_LEAK at WARNING or above"
                        : left == null ? "the heap forecast does not reach the max heap"
                        : "the heap is forecast to run out in about " + Format.duration(left));
            }
            return record;
        }
        String trigger = "a MEMORY_LEAK at WARNING or above, and the heap forecast to run out in about "
                + Format.duration(left) + " (heapDumpBefore=" + Format.duration(before.toSeconds()) + ")";
        Path target = Path.of(suggestion.dumpPath());
        String noRoom = suggestion.estimatedDumpBytes() == null
                ? "the dump's size cannot be estimated yet, so it is not known to fit on the disk"
                : HeapDumper.lackOfRoom(target, suggestion.estimatedDumpBytes(), disk.usableBytes(target.getParent()));
        if (noRoom != null) {
            record = new AutoDump(AutoDump.REFUSED, now, target.toString(), null, null, null, before.toSeconds(),
                    "Refused on " + trigger + ": " + noRoom + ". Checked again after each analysis; free space there, or"
                            + " take the dump yourself to another disk: " + elsewhere(suggestion.command(), target));
            return record;
        }
        attempted = true;
        long started = System.nanoTime();
        try {
            HeapDumper.Written w = dumper.dump(target);
            record = new AutoDump(AutoDump.TAKEN, now, w.file().toString(), w.bytes(), Format.round(w.seconds(), 2),
                    w.ownerOnly(), before.toSeconds(),
                    "Taken on " + trigger + ": " + Format.bytes(w.bytes()) + " written to " + w.file() + " in "
                            + String.format(java.util.Locale.ROOT, "%.1f s", w.seconds()) + ", "
                            + (w.ownerOnly() ? "readable by its owner only"
                                    : "with the directory's default access, since its file system has no POSIX permissions")
                            + ". No other automatic dump is taken in this JVM run.");
        } catch (IOException | RuntimeException e) {
            double seconds = (System.nanoTime() - started) / 1e9;
            record = new AutoDump(AutoDump.FAILED, now, target.toString(), null, Format.round(seconds, 2), null,
                    before.toSeconds(), "Failed on " + trigger + " after " + String.format(java.util.Locale.ROOT, "%.1f s", seconds)
                            + ": " + (e.getMessage() == null ? e.toString() : e.getMessage()) + ". Nothing was kept, and it is not tried again in this JVM run;"
                            + " take the dump yourself: " + suggestion.command());
        }
        return record;
    }

    private AutoDump armed(String now) {
        return new AutoDump(AutoDump.ARMED, null, null, null, null, null, before.toSeconds(),
                "Armed: one heap dump when a MEMORY_LEAK is at WARNING or above and the heap is forecast to run out within "
                        + Format.duration(before.toSeconds()) + "; now " + now + ".");
    }

    /** The jcmd command with the file on another disk, for the operator to fill in. */
    private static String elsewhere(String command, Path target) {
        return command.replace(target.toString(), "/other/disk/" + target.getFileName());
    }
}
