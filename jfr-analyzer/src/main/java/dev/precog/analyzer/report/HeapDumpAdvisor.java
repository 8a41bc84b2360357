package dev.precog.analyzer.report;

import dev.precog.analyzer.detect.AnalysisContext;
import dev.precog.analyzer.detect.HeapDumpCommands;
import dev.precog.analyzer.evidence.HeapEvidence;
import dev.precog.model.Finding;
import dev.precog.model.FindingKind;
import dev.precog.model.Forecast;
import dev.precog.model.HeapDumpSuggestion;
import dev.precog.model.Metric;
import dev.precog.model.Severity;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Whether a heap dump is worth taking now, and what it costs: recommended only for a confident
 * leak (a MEMORY_LEAK at WARNING or above), early enough to finish before the heap runs out and
 * while the dump is still small. The command, the file, its estimated size and the flags that
 * keep a dump on OutOfMemoryError are given either way.
 */
public final class HeapDumpAdvisor {

    /** The dump should be done this long before the pessimistic time to OutOfMemoryError ... */
    static final double MIN_MARGIN_SECONDS = 60;
    /** ... or this share of that time, when more: near the limit the collector thrashes and the dump is slower. */
    static final double MARGIN_FRACTION = 0.10;

    private HeapDumpAdvisor() {}

    public static HeapDumpSuggestion advise(AnalysisContext context, List<Finding> findings, List<Forecast> forecasts) {
        Path file = HeapDumpCommands.dumpFile(context);
        String command = HeapDumpCommands.jcmdHeapDump(context);
        String oomFlags = Boolean.TRUE.equals(context.heapDumpOnOutOfMemory()) ? null : HeapDumpCommands.onOutOfMemoryFlags(context);
        Optional<Finding> leak = findings.stream()
                .filter(f -> f.kind() == FindingKind.MEMORY_LEAK && f.severity().atLeast(Severity.WARNING))
                .findFirst();

        Long live = liveSet(context, leak.orElse(null));
        Long dumpBytes = live == null ? null : HeapDumpSizing.dumpBytes(live);
        Double pause = live == null ? null
                : Format.round(HeapDumpSizing.pauseSeconds(live, dumpBytes, measuredHistogramSeconds(context.heapEvidence())), 1);
        Long free = context.dumpDiskFreeBytes();
        Boolean room = free == null || dumpBytes == null ? null : free >= HeapDumpSizing.requiredFreeBytes(dumpBytes);

        Optional<Forecast> heap = forecasts.stream()
                .filter(f -> Metric.HEAP_USED_AFTER_GC.key().equals(f.metric()))
                .findFirst();
        Double toOom = heap.map(Forecast::timeToThresholdSeconds).orElse(null);
        Double toOomLow = heap.map(Forecast::timeToThresholdLowSeconds).orElse(null);
        Double pessimistic = toOomLow != null ? toOomLow : toOom;
        Instant dumpBy = leak.isEmpty() || pessimistic == null ? null : dumpBy(context.now(), pessimistic, pause);

        String reason = leak.isEmpty()
                ? notNeeded(dumpBytes, pause)
                : recommended(context, leak.get(), file, live, dumpBytes, pause, free, room, toOom, toOomLow, dumpBy);
        return new HeapDumpSuggestion(leak.isPresent(), reason, command, file.toString(), live, dumpBytes, pause, free, room,
                round(toOom), round(toOomLow), dumpBy, HeapDumpCommands.hotSpotDumpHeap(context), oomFlags, null);
    }

    /**
     * The latest moment to start the dump: the pessimistic time to OutOfMemoryError, less the
     * dump's pause and a margin; now when that moment has passed.
     */
    static Instant dumpBy(Instant now, double pessimisticSeconds, Double pauseSeconds) {
        double margin = Math.max(MIN_MARGIN_SECONDS, MARGIN_FRACTION * pessimisticSeconds);
        double lead = pessimisticSeconds - (pauseSeconds == null ? 0 : pauseSeconds) - margin;
        return now.plusSeconds(Math.max(0, Math.round(lead)));
    }

    /**
     * The live set the dump would hold: the leak's current level when there is a leak (the floor
     * the detector tracks), else the heap after the latest collection (an upper bound: a young
     * collection leaves old garbage in place); null before any collection.
     */
    private static Long liveSet(AnalysisContext context, Finding leak) {
        if (leak != null && leak.evidence().get("liveSetBytes") instanceof Number n && n.longValue() > 0) {
            return n.longValue();
        }
        OptionalDouble after = context.timeline().latest(Metric.HEAP_USED_AFTER_GC);
        return after.isPresent() ? Math.round(after.getAsDouble()) : null;
    }

    private static double measuredHistogramSeconds(HeapEvidence heap) {
        return heap.histogramsTaken() == 0 ? 0 : heap.pauseMillis() / 1000.0 / heap.histogramsTaken();
    }

    private static String notNeeded(Long dumpBytes, Double pause) {
        return "No confident heap leak: a heap dump is not needed now"
                + (dumpBytes == null ? "" : " (one would be about " + Format.bytes(dumpBytes) + " and stop the JVM for about "
                        + pause(pause) + ")");
    }

    private static String recommended(AnalysisContext context, Finding leak, Path file, Long live, Long dumpBytes, Double pause,
            Long free, Boolean room, Double toOom, Double toOomLow, Instant dumpBy) {
        StringBuilder r = new StringBuilder("Confident heap leak (").append(leak.id())
                .append("); take the dump now while it is small");
        if (live != null) {
            r.append(": about ").append(Format.bytes(live)).append(" of live objects, a file of about ")
                    .append(Format.bytes(dumpBytes)).append(" and a pause of about ").append(pause(pause))
                    .append(" (estimates)");
        }
        r.append('.');
        if (toOom != null || toOomLow != null) {
            r.append(" The heap is full in about ").append(Format.duration(toOom != null ? toOom : toOomLow));
            if (toOomLow != null && toOom != null) {
                r.append(" (pessimistic: ").append(Format.duration(toOomLow)).append(')');
            }
            if (dumpBy != null && !dumpBy.isAfter(context.now())) {
                r.append("; a dump may not finish before it is: take it at once");
            } else if (dumpBy != null) {
                r.append("; start it by ").append(dumpBy.truncatedTo(ChronoUnit.SECONDS)).append(" at the latest");
            }
            r.append('.');
        }
        if (Boolean.FALSE.equals(room)) {
            r.append(" Not enough disk space in ").append(file.getParent()).append(": ").append(Format.bytes(free))
                    .append(" usable, the dump needs about ").append(Format.bytes(HeapDumpSizing.requiredFreeBytes(dumpBytes)))
                    .append(" with room to spare; free some, or dump to another disk: jcmd ").append(context.pidOrPlaceholder())
                    .append(" GC.heap_dump /other/disk/").append(file.getFileName()).append('.');
        } else if (Boolean.TRUE.equals(room)) {
            r.append(' ').append(Format.bytes(free)).append(" usable in ").append(file.getParent()).append('.');
        }
        r.append(" The dump stops the JVM while it is written.");
        return r.toString();
    }

    /** Short pauses in tenths of a second, longer ones as durations. */
    private static String pause(double seconds) {
        return seconds < 10 ? String.format(Locale.ROOT, "%.1f s", seconds) : Format.duration(seconds);
    }

    private static Double round(Double seconds) {
        return seconds == null ? null : Format.round(seconds, 1);
    }
}
