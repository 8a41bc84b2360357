package dev.precog.analyzer.detect;

import dev.precog.analyzer.report.Format;
import dev.precog.model.Finding;
import dev.precog.model.FindingKind;
import dev.precog.model.Metric;
import dev.precog.model.Severity;
import dev.precog.model.Suggestion;
import dev.precog.model.Suspect;
import dev.precog.model.Window;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * ALLOCATION_PRESSURE: the application allocates so fast relative to its heap that the
 * collector runs again and again (the heap's worth turned over every couple of seconds), or
 * simply faster than a gigabyte a second. Allocation comes from JFR's allocation samples,
 * whose weights add up to the bytes allocated; the top allocating types and sites are named.
 */
public final class AllocationPressureDetector implements Detector {

    static final int MIN_WINDOWS = 6;
    static final double MIN_SECONDS = 30;
    /** Heap turned over per second (allocation rate / max heap) that counts as pressure. */
    static final double TURNOVER_PER_SECOND = 0.5;
    /** Collections per second that show the collector is driven by it. */
    static final double GC_PER_SECOND = 1.0;
    /** Above this rate allocation is pressure whatever the heap. */
    static final double ABSOLUTE_BYTES_PER_SECOND = 1024.0 * 1024 * 1024;
    /** GC time share that makes it CRITICAL. */
    static final double CRITICAL_GC_SHARE = 0.20;
    /**
     * Share of the recent stretch's time that must turn over the heap that fast, each window counting for as
     * long as it lasted (a recording's last window, cut short, weighs little).
     */
    static final double SUSTAINED = 0.5;

    @Override
    public FindingKind kind() {
        return FindingKind.ALLOCATION_PRESSURE;
    }

    @Override
    public List<Finding> detect(AnalysisContext context) {
        Optional<RecentActivity> found = RecentActivity.of(context.timeline(), MIN_WINDOWS, MIN_SECONDS);
        Long maxHeap = context.heapMaxBytes();
        if (found.isEmpty() || maxHeap == null || maxHeap <= 0) {
            return List.of();
        }
        RecentActivity recent = found.get();
        double rate = recent.rate(Metric.ALLOCATION_SAMPLED);
        double turnover = rate / maxHeap;
        double gcPerSecond = recent.rate(Metric.GC_COUNT);
        double gcShare = recent.sum(Metric.GC_PAUSE_TOTAL) / (recent.seconds() * 1000);
        double sustained = recent.shareOfTimeAtLeast(w -> turnoverOf(w, maxHeap), TURNOVER_PER_SECOND);
        boolean relative = turnover >= TURNOVER_PER_SECOND && gcPerSecond >= GC_PER_SECOND && sustained >= SUSTAINED;
        // a big heap may take 1 GB/s in its stride; it is pressure once the collector is kept busy
        boolean absolute = rate >= ABSOLUTE_BYTES_PER_SECOND && gcPerSecond >= GC_PER_SECOND;
        if (!relative && !absolute) {
            return List.of();
        }
        Severity severity = gcShare >= CRITICAL_GC_SHARE ? Severity.CRITICAL : Severity.WARNING;
        List<Suspect> suspects = AllocationSuspects.rank(recent.windows(), recent.firstEpochSeconds(), 5);

        Map<String, Object> evidence = new LinkedHashMap<>();
        evidence.put("allocationBytesPerSecond", Math.round(rate));
        evidence.put("heapTurnoverPerSecond", Format.round(turnover, 3));
        evidence.put("collectionsPerSecond", Format.round(gcPerSecond, 3));
        evidence.put("gcTimeShare", Format.round(gcShare, 4));
        evidence.put("timeOverThreshold", Format.round(sustained, 3));
        evidence.put("windowsOverThreshold", Format.round(recent.shareOfWindowsAtLeast(w -> turnoverOf(w, maxHeap),
                TURNOVER_PER_SECOND), 3));
        evidence.put("periodSeconds", Format.round(recent.seconds(), 1));
        evidence.put("confidenceReason", String.format(Locale.ROOT,
                "at least half the heap turned over per second for %s of the last %s (%d windows); %.1f collections/s",
                Format.percent(sustained), Format.duration(recent.seconds()), recent.windows().size(), gcPerSecond));

        String top = suspects.isEmpty() ? "" : "; top: " + suspects.get(0).className()
                + " (" + Format.percent(suspects.get(0).share()) + ")"
                + (suspects.get(0).stackTop().isEmpty() ? "" : " at " + suspects.get(0).stackTop().get(0));
        String summary = String.format(Locale.ROOT,
                "Allocating %s/s (%.1fx the %s heap per second): %.1f collections/s, %s of the time in GC pauses%s",
                Format.bytes(rate), turnover, Format.bytes(maxHeap), gcPerSecond, Format.percent(gcShare), top);
        double confidence = Format.round(Math.max(sustained, absolute ? 0.9 : 0)
                * Math.min(1.0, recent.windows().size() / (double) MIN_WINDOWS), 3);
        return List.of(new Finding("allocation", kind(), severity, confidence, context.now(), null, summary, evidence,
                suspects, suggestions(context, suspects)));
    }

    private static double turnoverOf(Window w, long maxHeap) {
        return w.value(Metric.ALLOCATION_SAMPLED).orElse(0) / Math.max(0.001, RecentActivity.seconds(w)) / maxHeap;
    }

    private static List<Suggestion> suggestions(AnalysisContext context, List<Suspect> suspects) {
        String pid = context.pidOrPlaceholder();
        String site = suspects.stream().flatMap(s -> s.stackTop().stream()).findFirst().orElse("the top allocation sites");
        return List.of(
                new Suggestion("Allocate less at " + site + ": reuse buffers, avoid boxing and intermediate copies",
                        null, "The suspects carry most of the allocated bytes; each byte not allocated is GC work saved"),
                new Suggestion("Record allocation stacks for a minute to see every site",
                        "jcmd " + pid + " JFR.start settings=profile duration=60s filename=precog-alloc-" + pid + ".jfr",
                        "The profile settings sample allocations with full stacks"),
                new Suggestion("Give the young generation more room if the rate is inherent",
                        "-Xmx (larger heap) or -XX:G1NewSizePercent / -Xmn",
                        "Fewer, larger young collections cost less per byte allocated"));
    }
}
