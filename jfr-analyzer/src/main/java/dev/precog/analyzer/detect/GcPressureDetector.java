package dev.precog.analyzer.detect;

import dev.precog.analyzer.report.Format;
import dev.precog.model.Distribution;
import dev.precog.model.DistributionKind;
import dev.precog.model.Finding;
import dev.precog.model.FindingKind;
import dev.precog.model.Metric;
import dev.precog.model.Severity;
import dev.precog.model.Suggestion;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * GC_PRESSURE: the JVM spends a large share of its time in collection pauses, collects back to
 * back while freeing almost nothing, or stops for long pauses. Judged over the most recent six
 * windows (and at least 30 s): the time share must hold for half that time, not in one burst, and
 * exhaustion in all of them (the best collection of the period freed little); one pause of a
 * second or more is enough on its own, as it stops every application thread.
 */
public final class GcPressureDetector implements Detector {

    static final int MIN_WINDOWS = 6;
    static final double MIN_SECONDS = 30;
    /** Pause time share of wall time for a WARNING and for CRITICAL. */
    static final double WARNING_SHARE = 0.10;
    static final double CRITICAL_SHARE = 0.30;
    /**
     * Share of the recent stretch's time that must be over the threshold, each window counting for as long as
     * it lasted (a recording's last window, cut short, weighs little): pressure, not a burst.
     */
    static final double SUSTAINED = 0.5;
    /** Collections per second that count as back to back. */
    static final double BACK_TO_BACK_PER_SECOND = 0.5;
    /** Free heap after GC below this share is exhaustion (WARNING), below half of it CRITICAL. */
    static final double LOW_FREE_AFTER_GC = 0.10;
    static final double LONG_PAUSE_MILLIS = 1000;

    @Override
    public FindingKind kind() {
        return FindingKind.GC_PRESSURE;
    }

    @Override
    public List<Finding> detect(AnalysisContext context) {
        Optional<RecentActivity> found = RecentActivity.of(context.timeline(), MIN_WINDOWS, MIN_SECONDS);
        if (found.isEmpty()) {
            return List.of();
        }
        RecentActivity recent = found.get();
        double share = recent.sum(Metric.GC_PAUSE_TOTAL) / (recent.seconds() * 1000);
        double sustainedWarning = recent.shareOfTimeAtLeast(RecentActivity::gcShare, WARNING_SHARE);
        double sustainedCritical = recent.shareOfTimeAtLeast(RecentActivity::gcShare, CRITICAL_SHARE);
        double perSecond = recent.rate(Metric.GC_COUNT);
        double pauseP99 = recent.maxOf(DistributionKind.GC_PAUSE, Distribution::p99Millis);
        double pauseMax = recent.maxOf(DistributionKind.GC_PAUSE, Distribution::maxMillis);
        Long maxHeap = context.heapMaxBytes();
        Double freeAfterGc = freeAfterGc(recent, maxHeap);
        boolean backToBack = perSecond >= BACK_TO_BACK_PER_SECOND;
        boolean exhausted = backToBack && freeAfterGc != null && freeAfterGc < LOW_FREE_AFTER_GC;

        Severity severity;
        if (sustainedCritical >= SUSTAINED || (exhausted && freeAfterGc < LOW_FREE_AFTER_GC / 2)) {
            severity = Severity.CRITICAL;
        } else if (sustainedWarning >= SUSTAINED || exhausted || pauseMax >= LONG_PAUSE_MILLIS) {
            severity = Severity.WARNING;
        } else {
            return List.of();
        }

        List<String> reasons = new ArrayList<>();
        if (sustainedWarning >= SUSTAINED) {
            reasons.add(String.format(Locale.ROOT, "at least %s of the wall time went to GC pauses for %s of the last %s (%d windows)",
                    Format.percent(WARNING_SHARE), Format.percent(sustainedWarning), Format.duration(recent.seconds()),
                    recent.windows().size()));
        }
        if (exhausted) {
            reasons.add(String.format(Locale.ROOT, "%.1f collections/s leave only %s of the heap free",
                    perSecond, Format.percent(freeAfterGc)));
        }
        if (pauseMax >= LONG_PAUSE_MILLIS) {
            reasons.add(String.format(Locale.ROOT, "a %.0f ms pause", pauseMax));
        }
        double confidence = Format.round(Math.min(1.0, Math.max(sustainedWarning, exhausted ? 0.9 : 0.6))
                * Math.min(1.0, recent.windows().size() / (double) MIN_WINDOWS), 3);

        Map<String, Object> evidence = new LinkedHashMap<>();
        evidence.put("gcTimeShare", Format.round(share, 4));
        evidence.put("timeOverThreshold", Format.round(sustainedWarning, 3));
        evidence.put("windowsOverThreshold", Format.round(recent.shareOfWindowsAtLeast(RecentActivity::gcShare, WARNING_SHARE), 3));
        evidence.put("collectionsPerSecond", Format.round(perSecond, 3));
        evidence.put("pauseP99Millis", Format.round(pauseP99, 1));
        evidence.put("pauseMaxMillis", Format.round(pauseMax, 1));
        if (freeAfterGc != null) {
            evidence.put("freeHeapAfterGcShare", Format.round(freeAfterGc, 4));
        }
        evidence.put("periodSeconds", Format.round(recent.seconds(), 1));
        evidence.put("confidenceReason", String.join("; ", reasons));

        String summary = String.format(Locale.ROOT,
                "GC takes %s of the time over the last %s: %.1f collections/s, pause p99 %.0f ms, max %.0f ms%s",
                Format.percent(share), Format.duration(recent.seconds()), perSecond, pauseP99, pauseMax,
                freeAfterGc == null ? "" : "; " + Format.percent(freeAfterGc) + " of the heap free after GC");
        return List.of(new Finding("gc", kind(), severity, confidence, context.now(), null, summary, evidence,
                AllocationSuspects.rank(recent.windows(), recent.firstEpochSeconds(), 5),
                suggestions(context, exhausted, pauseMax)));
    }

    private static Double freeAfterGc(RecentActivity recent, Long maxHeap) {
        // the lowest floor of the period: exhausted only if even the best collection freed little
        Optional<Double> floor = recent.min(Metric.HEAP_USED_AFTER_GC);
        if (maxHeap == null || maxHeap <= 0 || floor.isEmpty()) {
            return null;
        }
        return Math.max(0, 1 - floor.get() / maxHeap);
    }

    private static List<Suggestion> suggestions(AnalysisContext context, boolean exhausted, double pauseMax) {
        String pid = context.pidOrPlaceholder();
        List<Suggestion> out = new ArrayList<>();
        if (exhausted) {
            out.add(new Suggestion("Find what fills the heap before giving it more room",
                    HeapDumpCommands.jcmdHeapDump(context),
                    "Collections free almost nothing: the live set fills the heap (see MEMORY_LEAK if reported);"
                            + " a larger -Xmx only buys time if it is growing"));
        }
        out.add(new Suggestion("Allocate less at the top allocation sites (suspects)",
                "jcmd " + pid + " JFR.start settings=profile duration=60s filename=precog-alloc-" + pid + ".jfr",
                "Every collection is paid for by allocation; the suspects name the types and sites allocating most"));
        if (pauseMax >= LONG_PAUSE_MILLIS) {
            out.add(new Suggestion("Shorten pauses: set a pause goal or use a concurrent collector",
                    "-XX:MaxGCPauseMillis=200 (G1) or -XX:+UseZGC",
                    "Pauses of a second or more stop every request"));
        }
        out.add(new Suggestion("Log GC phases to see which ones cost the time",
                "-Xlog:gc*:file=gc-" + pid + ".log:time,uptime", "The log shows causes, phases and sizes of each collection"));
        return out;
    }
}
