package dev.precog.analyzer.detect;

import dev.precog.analyzer.timeline.Series;
import dev.precog.analyzer.timeline.Timeline;
import dev.precog.model.Metric;
import dev.precog.model.Window;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Whether classes pile up in metaspace: the net loaded class count (loaded minus unloaded,
 * sampled every window) judged by {@link SeriesTrend#isRising()}, and metaspace used (reported
 * around collections only, so sparser) rising significantly by an amount that matters.
 *
 * <p>Start-up loads thousands of classes and then stops, so the first 10% of the history is
 * dropped and the class count must keep rising through the span (a plateau or a count that
 * returns when loaders are collected is not a leak). Metaspace also grows without new classes
 * (method profiles as code warms up), so class growth alone decides the direction and metaspace
 * only the size. As for the heap, when the whole history shows nothing the recent half is tried,
 * counting only if the class count climbed above every value seen before it.
 *
 * @param classes the net loaded class count over the analysed span
 * @param metaspace metaspace used over the same span
 * @param classesUnloaded classes unloaded during the span
 * @param maxMetaspace -XX:MaxMetaspaceSize, null when unknown or unlimited
 * @param growing whether this is a metaspace leak, see {@link #isGrowing()}
 */
record MetaspaceTrend(SeriesTrend classes, SeriesTrend metaspace, long classesUnloaded, Long maxMetaspace,
        boolean growing) {

    static final double WARMUP_FRACTION = 0.1;
    /** Longer histories are reduced to this many points by their floor (the classes that stay). */
    static final int MAX_POINTS = 240;
    /** Fewer new classes than this over the span are lazy loading, whatever metaspace does. */
    static final double MIN_CLASS_GROWTH = 200;
    static final double MIN_GROWTH_BYTES = 5.0 * 1024 * 1024;
    /** Metaspace must grow by this share of where it started... */
    static final double MIN_GROWTH_OF_LEVEL = 0.20;
    /** ...or reach -XX:MaxMetaspaceSize within this many seconds. */
    static final double MATTERS_WITHIN_SECONDS = 3 * 3600;

    /** The trend over {@code timeline}; empty while too few windows hold classes and metaspace. */
    static Optional<MetaspaceTrend> of(Timeline timeline, Long maxMetaspace) {
        List<Window> windows = timeline.windows();
        Series classes = netClasses(windows);
        if (classes.size() < SeriesTrend.MIN_POINTS + 1) {
            return Optional.empty();
        }
        int warmup = Math.max(1, (int) Math.ceil(classes.size() * WARMUP_FRACTION));
        Series c = classes.from(warmup).downsampleByMin(MAX_POINTS);
        Series m = since(timeline.series(Metric.METASPACE_USED), c.times()[0]).downsampleByMin(MAX_POINTS);
        if (!enough(c) || !enough(m)) {
            return Optional.empty();
        }
        MetaspaceTrend whole = over(c, m, windows, maxMetaspace, Double.NEGATIVE_INFINITY);
        if (whole.growing() || c.size() < 2 * SeriesTrend.MIN_POINTS) {
            return Optional.of(whole);
        }
        int half = c.size() / 2;
        Series recentClasses = c.from(half);
        Series recentMetaspace = since(m, recentClasses.times()[0]);
        if (!enough(recentMetaspace)) {
            return Optional.of(whole);
        }
        double earlierPeak = Arrays.stream(c.values(), 0, half).max().orElse(Double.NEGATIVE_INFINITY);
        MetaspaceTrend recent = over(recentClasses, recentMetaspace, windows, maxMetaspace, earlierPeak);
        return Optional.of(recent.growing() ? recent : whole);
    }

    private static MetaspaceTrend over(Series c, Series m, List<Window> windows, Long maxMetaspace, double earlierPeak) {
        SeriesTrend classes = SeriesTrend.of(c);
        SeriesTrend metaspace = SeriesTrend.of(m);
        long unloaded = unloadedSince(windows, c.times()[0]);
        MetaspaceTrend t = new MetaspaceTrend(classes, metaspace, unloaded, maxMetaspace, false);
        boolean growing = classes.isRising()
                && classes.growth() >= MIN_CLASS_GROWTH
                && classes.currentLevel() > earlierPeak + MIN_CLASS_GROWTH
                && metaspace.isSignificantRise()
                && t.metaspaceGrowthMatters();
        return new MetaspaceTrend(classes, metaspace, unloaded, maxMetaspace, growing);
    }

    /**
     * Whether this is a metaspace leak: the net class count really rises (significant, not a
     * plateau, persistent, by at least {@link #MIN_CLASS_GROWTH}) and metaspace rises
     * significantly by at least 5 MB and 20% of its level, or fast enough to reach
     * -XX:MaxMetaspaceSize within three hours.
     */
    boolean isGrowing() {
        return growing;
    }

    private boolean metaspaceGrowthMatters() {
        double growth = metaspace.growth();
        Double left = secondsToMax();
        return growth >= MIN_GROWTH_BYTES
                && (growth >= MIN_GROWTH_OF_LEVEL * Math.max(metaspace.fit().valueAt(0), 1)
                        || (left != null && left < MATTERS_WITHIN_SECONDS));
    }

    /** Seconds until the fitted metaspace reaches -XX:MaxMetaspaceSize; null when unknown or not rising. */
    Double secondsToMax() {
        return maxMetaspace == null ? null : metaspace.secondsTo(maxMetaspace);
    }

    /** Net loaded classes per window (loaded minus unloaded since JVM start), where JFR reported them. */
    static Series netClasses(List<Window> windows) {
        double[] t = new double[windows.size()];
        double[] v = new double[windows.size()];
        int n = 0;
        for (Window w : windows) {
            OptionalDouble loaded = w.value(Metric.CLASSES_LOADED);
            if (loaded.isPresent() && loaded.getAsDouble() >= 0) {
                t[n] = w.end().toEpochMilli() / 1000.0;
                v[n] = loaded.getAsDouble() - Math.max(0, w.value(Metric.CLASSES_UNLOADED).orElse(0));
                n++;
            }
        }
        return new Series(Arrays.copyOf(t, n), Arrays.copyOf(v, n));
    }

    private static long unloadedSince(List<Window> windows, double fromEpochSeconds) {
        double first = Double.NaN;
        double last = Double.NaN;
        for (Window w : windows) {
            OptionalDouble u = w.value(Metric.CLASSES_UNLOADED);
            if (u.isPresent() && u.getAsDouble() >= 0 && w.end().toEpochMilli() / 1000.0 >= fromEpochSeconds) {
                first = Double.isNaN(first) ? u.getAsDouble() : first;
                last = u.getAsDouble();
            }
        }
        return Double.isNaN(first) ? 0 : Math.round(last - first);
    }

    private static Series since(Series s, double fromEpochSeconds) {
        int i = 0;
        while (i < s.size() && s.times()[i] < fromEpochSeconds) {
            i++;
        }
        return s.from(i);
    }

    private static boolean enough(Series s) {
        return s.size() >= SeriesTrend.MIN_POINTS && s.spanSeconds() > 0;
    }
}
