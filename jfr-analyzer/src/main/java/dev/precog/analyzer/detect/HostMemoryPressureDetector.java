package dev.precog.analyzer.detect;

import dev.precog.analyzer.report.Format;
import dev.precog.analyzer.timeline.Series;
import dev.precog.model.Finding;
import dev.precog.model.FindingKind;
import dev.precog.model.Metric;
import dev.precog.model.Severity;
import dev.precog.model.Suggestion;
import dev.precog.model.Window;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * HOST_MEMORY_PRESSURE: the memory this JVM lives in runs short. Three ways, judged over the last
 * half minute or more so one sample is never a verdict: the container's memory (page cache left
 * out) near its cgroup limit (the kernel's OOM killer acts there, whatever the host has free), or
 * past 80% of it and rising to reach it soon; the host's available memory low; swap growing while
 * the host is short of memory. The evidence says
 * how much of it this JVM holds, which decides whether to shrink the JVM or look elsewhere.
 */
public final class HostMemoryPressureDetector implements Detector {

    static final int MIN_WINDOWS = 3;
    static final double MIN_SECONDS = 30;
    /** Container working set over its limit: WARNING, CRITICAL. */
    static final double CONTAINER_WARNING = 0.90;
    static final double CONTAINER_CRITICAL = 0.97;
    /** Host available memory under this share of total: WARNING, CRITICAL. */
    static final double HOST_AVAILABLE_WARNING = 0.10;
    static final double HOST_AVAILABLE_CRITICAL = 0.05;
    /**
     * Share of the recent stretch's time that must be over a threshold, each window counting for as long as it
     * lasted (a recording's last window, cut short, weighs little): pressure, not a spike.
     */
    static final double SUSTAINED = 0.5;
    /** A rising working set that reaches the container's limit within this is a WARNING already. */
    static final double REACHES_LIMIT_WITHIN_SECONDS = 15 * 60;
    /** The container's rise towards its limit counts from this share of the limit. */
    static final double RISING_FROM = 0.80;
    /** Swap growth counts only while the host's available memory is under this share. */
    static final double SWAP_MATTERS_BELOW_AVAILABLE = 0.20;
    /** Trends read at most this many recent windows, reduced to this many points. */
    static final int TREND_WINDOWS = 360;
    static final int TREND_POINTS = 120;
    /** Swap growth that counts, over the analysed history. */
    static final double MIN_SWAP_GROWTH_BYTES = 64.0 * 1024 * 1024;

    @Override
    public FindingKind kind() {
        return FindingKind.HOST_MEMORY_PRESSURE;
    }

    @Override
    public List<Finding> detect(AnalysisContext context) {
        Optional<RecentActivity> found = RecentActivity.of(context.timeline(), MIN_WINDOWS, MIN_SECONDS);
        if (found.isEmpty()) {
            return List.of();
        }
        RecentActivity recent = found.get();
        Map<String, Object> evidence = new LinkedHashMap<>();
        List<String> reasons = new ArrayList<>();
        Severity severity = null;
        OptionalDouble limit = context.timeline().latest(Metric.CONTAINER_MEMORY_LIMIT);
        OptionalDouble used = context.timeline().latest(Metric.CONTAINER_MEMORY_USED);
        if (limit.isPresent() && used.isPresent()) {
            double l = limit.getAsDouble();
            evidence.put("containerLimitBytes", (long) l);
            evidence.put("containerUsedBytes", (long) used.getAsDouble());
            evidence.put("containerUsedShare", Format.round(used.getAsDouble() / l, 3));
            double overWarning = recent.shareOfTimeAtLeast(w -> share(w, Metric.CONTAINER_MEMORY_USED, l, 0), CONTAINER_WARNING);
            double overCritical = recent.shareOfTimeAtLeast(w -> share(w, Metric.CONTAINER_MEMORY_USED, l, 0), CONTAINER_CRITICAL);
            Double toLimit = secondsToLimit(context, l);
            // a rise only matters close to the limit: a heap growing into its -Xmx at start-up is no pressure
            boolean closing = toLimit != null && toLimit < REACHES_LIMIT_WITHIN_SECONDS && used.getAsDouble() >= RISING_FROM * l;
            if (overCritical >= SUSTAINED) {
                severity = Severity.CRITICAL;
            } else if (overWarning >= SUSTAINED || closing) {
                severity = Severity.WARNING;
            }
            if (toLimit != null) {
                evidence.put("containerSecondsToLimit", Math.round(toLimit));
            }
            if (overWarning >= SUSTAINED || closing) {
                reasons.add(String.format(Locale.ROOT, "the container uses %s of its %s limit%s", Format.percent(used.getAsDouble() / l),
                        Format.bytes(l), toLimit == null ? "" : " and reaches it in about " + Format.duration(toLimit)));
            }
        }
        OptionalDouble total = context.timeline().latest(Metric.HOST_MEMORY_TOTAL);
        Optional<Double> available = recent.min(Metric.HOST_MEMORY_AVAILABLE);
        if (total.isPresent() && available.isPresent() && total.getAsDouble() > 0) {
            double t = total.getAsDouble();
            evidence.put("hostAvailableBytes", Math.round(available.get()));
            evidence.put("hostTotalBytes", (long) t);
            double lowWarning = recent.shareOfTimeAtMost(w -> share(w, Metric.HOST_MEMORY_AVAILABLE, t, 1), HOST_AVAILABLE_WARNING);
            double lowCritical = recent.shareOfTimeAtMost(w -> share(w, Metric.HOST_MEMORY_AVAILABLE, t, 1), HOST_AVAILABLE_CRITICAL);
            if (lowCritical >= SUSTAINED) {
                severity = Severity.CRITICAL;
            } else if (lowWarning >= SUSTAINED && severity == null) {
                severity = Severity.WARNING;
            }
            if (lowWarning >= SUSTAINED) {
                reasons.add(String.format(Locale.ROOT, "the host has only %s of %s available", Format.bytes(available.get()),
                        Format.bytes(t)));
            }
        }
        Series swap = recentSeries(context, Metric.HOST_SWAP_USED);
        // swap creeps up harmlessly as the kernel pages out what nobody touches: it counts only while memory is short
        boolean hostShort = total.isPresent() && available.isPresent()
                && available.get() < SWAP_MATTERS_BELOW_AVAILABLE * total.getAsDouble();
        if (hostShort && swap.size() >= SeriesTrend.MIN_POINTS && swap.spanSeconds() > 0) {
            SeriesTrend trend = SeriesTrend.of(swap);
            evidence.put("swapUsedBytes", Math.round(swap.lastValue()));
            if (trend.isRising() && trend.growth() >= MIN_SWAP_GROWTH_BYTES) {
                evidence.put("swapGrowthBytesPerMinute", Math.round(trend.fit().slope() * 60));
                severity = severity == null ? Severity.WARNING : severity;
                reasons.add("swap in use grows by " + Format.bytes(trend.fit().slope() * 60) + "/min");
            }
        }
        if (severity == null) {
            return List.of();
        }
        OptionalDouble rss = context.timeline().latest(Metric.PROCESS_RSS);
        double denominator = limit.isPresent() && used.isPresent() ? used.getAsDouble()
                : total.isPresent() && available.isPresent() ? total.getAsDouble() - available.get() : Double.NaN;
        if (rss.isPresent()) {
            evidence.put("processRssBytes", Math.round(rss.getAsDouble()));
            if (denominator > 0) {
                evidence.put("processShareOfUsed", Format.round(Math.min(1, rss.getAsDouble() / denominator), 3));
            }
        }
        evidence.put("confidenceReason", "over the last " + Format.duration(recent.seconds()) + " (" + recent.windows().size()
                + " windows): " + String.join("; ", reasons));
        String summary = "Memory runs short: " + String.join("; ", reasons);
        return List.of(new Finding("host-memory", kind(), severity, 1.0, context.now(), null, summary, evidence, List.of(),
                suggestions(evidence, context.pidOrPlaceholder())));
    }

    /** {@code metric} as a share of {@code of} in {@code w}; {@code absent} when the window has no reading. */
    private static double share(Window w, Metric metric, double of, double absent) {
        OptionalDouble v = w.value(metric);
        return v.isPresent() ? v.getAsDouble() / of : absent;
    }

    /** Seconds until the container's working set reaches {@code limit} when it really rises; null otherwise. */
    private static Double secondsToLimit(AnalysisContext context, double limit) {
        Series s = recentSeries(context, Metric.CONTAINER_MEMORY_USED);
        if (s.size() < SeriesTrend.MIN_POINTS || s.spanSeconds() <= 0) {
            return null;
        }
        SeriesTrend trend = SeriesTrend.of(s);
        return trend.isRising() ? trend.secondsTo(limit) : null;
    }

    /** The last {@link #TREND_WINDOWS} windows of {@code metric}, reduced to {@link #TREND_POINTS}: trends stay cheap. */
    private static Series recentSeries(AnalysisContext context, Metric metric) {
        Series s = context.timeline().series(metric);
        return s.last(Math.min(s.size(), TREND_WINDOWS)).downsampleByMin(TREND_POINTS);
    }

    private static List<Suggestion> suggestions(Map<String, Object> evidence, String pid) {
        List<Suggestion> out = new ArrayList<>();
        Object share = evidence.get("processShareOfUsed");
        boolean thisJvm = share instanceof Double d && d >= 0.5;
        if (thisJvm) {
            out.add(new Suggestion("Shrink this JVM's footprint or raise the limit", "jcmd " + pid + " VM.native_memory summary",
                    "This JVM holds " + Format.percent((Double) share) + " of the memory in use: size the heap"
                            + " (-Xmx or -XX:MaxRAMPercentage) and native memory (threads, direct buffers, metaspace) to leave"
                            + " headroom under the limit; native memory tracking needs -XX:NativeMemoryTracking=summary"));
        } else {
            out.add(new Suggestion("Find what else uses the memory", "ps -eo pid,rss,comm --sort=-rss | head",
                    "This JVM holds little of the memory in use: another process (or the page cache of one) presses on it"));
        }
        if (evidence.containsKey("containerLimitBytes")) {
            out.add(new Suggestion("Raise the container's memory limit, or lower what runs in it", null,
                    "The kernel kills the container's largest process when its working set reaches the cgroup limit,"
                            + " with no OutOfMemoryError and no heap dump"));
        }
        if (evidence.containsKey("swapGrowthBytesPerMinute")) {
            out.add(new Suggestion("Watch swapping", "vmstat 1",
                    "Pages swapped in and out (si/so) slow every thread that touches them; GC touches the whole heap"));
        }
        return out;
    }
}
