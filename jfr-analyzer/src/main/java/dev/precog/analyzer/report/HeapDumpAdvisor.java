package dev.precog.analyzer.report;

import dev.precog.analyzer.detect.AnalysisContext;
import dev.precog.analyzer.detect.HeapDumpCommands;
import dev.precog.model.Finding;
import dev.precog.model.FindingKind;
import dev.precog.model.Forecast;
import dev.precog.model.HeapDumpSuggestion;
import dev.precog.model.Metric;
import dev.precog.model.Severity;
import java.util.List;
import java.util.Optional;

/** Whether a heap dump is worth taking now, and how: recommended only for a confident leak. */
public final class HeapDumpAdvisor {

    private HeapDumpAdvisor() {}

    public static HeapDumpSuggestion advise(AnalysisContext context, List<Finding> findings, List<Forecast> forecasts) {
        String command = HeapDumpCommands.jcmdHeapDump(context);
        Optional<Finding> leak = findings.stream()
                .filter(f -> f.kind() == FindingKind.MEMORY_LEAK && f.severity().atLeast(Severity.WARNING))
                .findFirst();
        if (leak.isEmpty()) {
            return new HeapDumpSuggestion(false, "No confident heap leak: a heap dump is not needed now", command);
        }
        double used = context.timeline().latest(Metric.HEAP_USED_BEFORE_GC)
                .orElse(context.timeline().latest(Metric.HEAP_USED_AFTER_GC).orElse(0));
        StringBuilder reason = new StringBuilder("Confident heap leak (")
                .append(leak.get().id()).append("); take the dump now while it is small: about ")
                .append(Format.bytes(leakLiveSet(leak.get(), used)))
                .append(" of live objects");
        forecasts.stream()
                .filter(f -> f.metric().equals(Metric.HEAP_USED_AFTER_GC.key()) && f.timeToThresholdSeconds() != null)
                .findFirst()
                .ifPresent(f -> reason.append(", and the heap is full in about ")
                        .append(Format.duration(f.timeToThresholdSeconds())));
        reason.append(". The dump pauses the JVM while it is written.");
        return new HeapDumpSuggestion(true, reason.toString(), command);
    }

    private static double leakLiveSet(Finding leak, double fallback) {
        Object live = leak.evidence().get("liveSetBytes");
        return live instanceof Number n ? n.doubleValue() : fallback;
    }
}
