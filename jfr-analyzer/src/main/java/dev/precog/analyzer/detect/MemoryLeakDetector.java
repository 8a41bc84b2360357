package dev.precog.analyzer.detect;

import dev.precog.analyzer.report.Format;
import dev.precog.analyzer.timeline.Series;
import dev.precog.model.Finding;
import dev.precog.model.FindingKind;
import dev.precog.model.Severity;
import dev.precog.model.Suggestion;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * MEMORY_LEAK on the heap's live set, when {@link LiveSetTrend#isGrowing()} says the floor of
 * heap-after-GC really rises. Until an old, mixed or full collection has failed to reclaim the
 * growth it could still be promoted garbage, so the finding stays INFO; after that it is a
 * WARNING, CRITICAL when the heap is nearly full or will be within a quarter of an hour.
 */
public final class MemoryLeakDetector implements Detector {

    static final double CRITICAL_FILL = 0.85;
    /** Fewer analysed points than this scale the confidence down. */
    static final int FULL_CONFIDENCE_POINTS = 12;
    static final double CRITICAL_SECONDS_LEFT = 15 * 60;

    @Override
    public FindingKind kind() {
        return FindingKind.MEMORY_LEAK;
    }

    @Override
    public List<Finding> detect(AnalysisContext context) {
        Optional<LiveSetTrend> analysed = context.liveSetTrend();
        if (analysed.isEmpty()) {
            return List.of();
        }
        LiveSetTrend t = analysed.get();
        Long maxHeap = context.heapMaxBytes();
        if (!t.isGrowing()) {
            return List.of();
        }
        Series s = t.series();
        double slope = t.fit().slope();
        long oldCollections = t.oldCollections();
        boolean confirmed = t.isConfirmed();
        double level = t.currentLevel();
        Double fill = maxHeap == null ? null : level / maxHeap;
        Double secondsLeft = t.secondsToFill();
        Severity severity = !confirmed
                ? Severity.INFO
                : (fill != null && fill >= CRITICAL_FILL) || (secondsLeft != null && secondsLeft < CRITICAL_SECONDS_LEFT)
                        ? Severity.CRITICAL
                        : Severity.WARNING;

        double coverage = Math.min(1.0, s.size() / (double) FULL_CONFIDENCE_POINTS);
        double confidence = Format.round((1 - t.mannKendall().pIncreasing()) * coverage * (confirmed ? 1.0 : 0.6), 3);
        String why = String.format(java.util.Locale.ROOT,
                "Mann-Kendall p%s over %d windows (%s)%s; %s",
                pValueText(t.mannKendall().pIncreasing()), s.size(), Format.duration(s.spanSeconds()),
                coverage < 1 ? ", short history lowers confidence" : "",
                confirmed
                        ? oldCollections + " old/mixed/full collections did not reclaim the growth"
                        : "no old-generation collection yet, so part of it may be promoted garbage"
                                + " (reported because it would fill the heap within the hour)");

        LeakPattern pattern = t.pattern();
        Map<String, Object> evidence = new LinkedHashMap<>();
        evidence.put("growthBytesPerMinute", Math.round(slope * 60));
        evidence.put("growthBytesPerMinuteLow", Math.round(t.fit().slopeLow() * 60));
        evidence.put("growthBytesPerMinuteHigh", Math.round(t.fit().slopeHigh() * 60));
        evidence.put("since", s.timeAt(0).toString());
        evidence.put("liveSetBytes", Math.round(level));
        if (maxHeap != null) {
            evidence.put("heapMaxBytes", maxHeap);
            evidence.put("fractionOfMaxHeap", Format.round(fill, 3));
        }
        evidence.put("windowsAnalysed", s.size());
        evidence.put("mannKendallZ", Format.round(t.mannKendall().z(), 2));
        evidence.put("pValue", t.mannKendall().pIncreasing());
        evidence.put("oldCollections", oldCollections);
        evidence.put("confidenceReason", why);
        evidence.put("patternReason", pattern.reason());
        if (context.heapEvidence().histogramsTaken() > 0) {
            evidence.put("classHistogramsTaken", context.heapEvidence().histogramsTaken());
            evidence.put("classHistogramPauseMillis", context.heapEvidence().pauseMillis());
        }

        String summary = String.format(java.util.Locale.ROOT,
                "Heap live set grows%s %s/min (95%%: %s-%s/min) since %s; now %s%s%s",
                pattern.inWords(), Format.bytes(slope * 60), Format.bytes(t.fit().slopeLow() * 60), Format.bytes(t.fit().slopeHigh() * 60),
                s.timeAt(0), Format.bytes(level),
                fill == null ? "" : " = " + Format.percent(fill) + " of max heap " + Format.bytes(maxHeap),
                secondsLeft == null ? "" : "; full in about " + Format.duration(secondsLeft));

        return List.of(new Finding("heap", kind(), severity, confidence, context.now(), pattern.name(), summary, evidence,
                LeakSuspects.rank(context.heapEvidence(), context.timeline().windows(), s.times()[0], 5), suggestions(context)));
    }

    /** p-values below double precision print as a bound, not as "0.0". */
    private static String pValueText(double p) {
        return p < 1e-15 ? "<1e-15" : String.format(java.util.Locale.ROOT, "=%.2g", p);
    }

    private static List<Suggestion> suggestions(AnalysisContext context) {
        String pid = context.pidOrPlaceholder();
        List<Suggestion> out = new ArrayList<>();
        out.add(new Suggestion(
                "Take a heap dump now and open it in Eclipse MAT (Leak Suspects, dominator tree)",
                HeapDumpCommands.jcmdHeapDump(context),
                "It shows which objects hold the growing memory; later the dump is bigger and slower to take"));
        out.add(new Suggestion(
                "Compare two class histograms taken a few minutes apart",
                "jcmd " + pid + " GC.class_histogram",
                "Classes whose instance count keeps growing between the two are the leak"));
        if (!Boolean.TRUE.equals(context.heapDumpOnOutOfMemory())) {
            out.add(new Suggestion(
                    "Start the JVM with a heap dump on OutOfMemoryError",
                    HeapDumpCommands.onOutOfMemoryFlags(context),
                    "If the heap does fill up, the evidence is kept"));
        }
        return out;
    }
}
