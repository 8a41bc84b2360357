package dev.precog.analyzer.detect;

import dev.precog.analyzer.stats.MannKendall;
import dev.precog.analyzer.stats.TheilSen;
import dev.precog.analyzer.timeline.Series;
import dev.precog.analyzer.timeline.Timeline;
import dev.precog.model.Metric;
import java.util.Optional;

/**
 * The trend of the heap's live set: the floor of heap-after-GC per window, warm-up dropped,
 * tested with Mann–Kendall and fitted with Theil–Sen. Shared by the leak detector and the heap
 * forecaster so both read the same numbers.
 *
 * <p>The whole history is tried first; when it shows no growth, the most recent half is tried
 * too, so a leak that started late is not drowned by hours of stable history. A recent span
 * only counts when the live set has climbed above every value seen before it: refilling to a
 * level the heap has been at before is a sawtooth, not a leak.
 *
 * @param series the analysed points (times in epoch seconds, values in bytes)
 * @param trend Mann–Kendall result for "the live set increases"
 * @param fit Theil–Sen line through the points, 95% slope interval; x is seconds since the first point
 * @param recentTrend Mann–Kendall over the most recent third (a plateau check)
 * @param recentFit Theil–Sen over the most recent third
 * @param oldCollections old, mixed or full collections during the analysed span
 * @param growing whether the live set really grows, see {@link #isGrowing()}
 */
public record LiveSetTrend(
        Series series,
        MannKendall trend,
        TheilSen fit,
        MannKendall recentTrend,
        TheilSen recentFit,
        long oldCollections,
        Long maxHeap,
        boolean growing) {

    static final double SIGNIFICANCE = 0.01;
    static final double MIN_GROWTH_BYTES = 2.0 * 1024 * 1024;
    static final double MIN_GROWTH_OF_MAX_HEAP = 0.02;
    static final double MIN_GROWTH_OF_LEVEL = 0.10;
    /** Recent slope below this share of the overall slope, without a recent trend, is a plateau. */
    static final double PLATEAU_SLOPE_SHARE = 0.25;
    /**
     * Before any old collection, growth may be promoted garbage that the next concurrent cycle
     * frees; it only counts when it would fill the heap within this many seconds.
     */
    static final double UNCONFIRMED_MAX_SECONDS_LEFT = 3600;
    /** Growth too small relative to the heap still matters when it fills the heap within this time. */
    static final double MATTERS_WITHIN_SECONDS = 3 * 3600;
    /**
     * Share of its expected rise the lower envelope must show in each of the first two thirds:
     * a sawtooth whose teeth return to their floor shows none.
     */
    static final double PERSISTENT_GROWTH_SHARE = 0.25;
    /** A later drop below an earlier value by more than this share of the growth is reclamation. */
    static final double MAX_RECLAIMED_SHARE = 0.5;

    /** Fewer points than this give no verdict. */
    public static final int MIN_POINTS = 8;
    /** Longer histories are reduced to this many points by their floor. */
    static final int MAX_POINTS = 240;
    /** Share of the history treated as warm-up and ignored. */
    static final double WARMUP_FRACTION = 0.1;

    /** The trend over {@code timeline} for a heap of {@code maxHeap}; empty with too few after-GC points. */
    public static Optional<LiveSetTrend> of(Timeline timeline, Long maxHeap) {
        Series all = timeline.series(Metric.HEAP_USED_AFTER_GC);
        if (all.size() < MIN_POINTS + 1) {
            return Optional.empty();
        }
        int warmup = Math.max(1, (int) Math.ceil(all.size() * WARMUP_FRACTION));
        Series s = all.from(warmup).downsampleByMin(MAX_POINTS);
        if (s.size() < MIN_POINTS || s.spanSeconds() <= 0) {
            return Optional.empty();
        }
        LiveSetTrend whole = over(s, timeline, maxHeap, Double.NEGATIVE_INFINITY);
        if (whole.growing() || s.size() < 2 * MIN_POINTS) {
            return Optional.of(whole);
        }
        int half = s.size() / 2;
        double earlierPeak = max(s.values(), half);
        LiveSetTrend recent = over(s.from(half), timeline, maxHeap, earlierPeak);
        return Optional.of(recent.growing() ? recent : whole);
    }

    private static LiveSetTrend over(Series s, Timeline timeline, Long maxHeap, double earlierPeak) {
        Series recent = s.last(Math.max(5, s.size() / 3));
        long oldCollections = Math.round(timeline.sumSince(Metric.OLD_GC_COUNT, s.times()[0]));
        LiveSetTrend t = new LiveSetTrend(s, MannKendall.test(s.values()), fit(s), MannKendall.test(recent.values()),
                fit(recent), oldCollections, maxHeap, false);
        boolean growing = t.passesTests() && t.currentLevel() > earlierPeak + MIN_GROWTH_BYTES;
        return new LiveSetTrend(t.series, t.trend, t.fit, t.recentTrend, t.recentFit, oldCollections, maxHeap, growing);
    }

    /**
     * Whether the live set really grows: a significant rising trend whose whole 95% slope
     * interval is positive, by an amount that matters for this heap (or fills it within three
     * hours), still rising recently (not a plateau), persistent (what the live set never again
     * goes below rose throughout, which a sawtooth's does not), and either confirmed by old
     * collections that did not reclaim it or fast enough to fill the heap within the hour.
     */
    public boolean isGrowing() {
        return growing;
    }

    private boolean passesTests() {
        double slope = fit.slope();
        double growth = slope * series.spanSeconds();
        boolean significant = trend.pIncreasing() < SIGNIFICANCE && fit.slopeLow() > 0;
        Double left = secondsToFill();
        boolean matters = growth >= MIN_GROWTH_BYTES
                && ((maxHeap != null && growth >= MIN_GROWTH_OF_MAX_HEAP * maxHeap)
                        || growth >= MIN_GROWTH_OF_LEVEL * Math.max(fit.valueAt(0), 1)
                        || (left != null && left < MATTERS_WITHIN_SECONDS));
        boolean plateau = recentTrend.pIncreasing() > 0.2 && recentFit.slope() < PLATEAU_SLOPE_SHARE * slope;
        if (!significant || !matters || plateau || !isPersistent(growth)) {
            return false;
        }
        return isConfirmed() || (left != null && left < UNCONFIRMED_MAX_SECONDS_LEFT);
    }

    /**
     * Whether the growth stays: the lower envelope (for each point, the lowest value from there
     * on: what the live set never again goes below) rose in the first third and again in the
     * second, and no point stood above it by more than half the growth (a reclaimed tooth).
     */
    private boolean isPersistent(double growth) {
        double[] v = series.values();
        int n = v.length;
        double[] envelope = new double[n];
        double min = Double.POSITIVE_INFINITY;
        for (int i = n - 1; i >= 0; i--) {
            min = Math.min(min, v[i]);
            envelope[i] = min;
        }
        double reclaimed = 0;
        for (int i = 0; i < n; i++) {
            reclaimed = Math.max(reclaimed, v[i] - envelope[i]);
        }
        double required = PERSISTENT_GROWTH_SHARE * growth / 3;
        return envelope[n / 3] - envelope[0] >= required
                && envelope[2 * n / 3] - envelope[n / 3] >= required
                && reclaimed <= MAX_RECLAIMED_SHARE * growth;
    }

    /** True when old collections ran during the analysed span and did not stop the growth. */
    public boolean isConfirmed() {
        return oldCollections > 0;
    }

    /** Seconds until the fitted live set reaches the max heap; null when unknown or not rising. */
    public Double secondsToFill() {
        if (maxHeap == null || fit.slope() <= 0) {
            return null;
        }
        return Math.max(0, (maxHeap - currentLevel()) / fit.slope());
    }

    private static TheilSen fit(Series s) {
        double t0 = s.times()[0];
        double[] x = new double[s.size()];
        for (int i = 0; i < x.length; i++) {
            x[i] = s.times()[i] - t0;
        }
        return TheilSen.fit(x, s.values(), 0.95);
    }

    private static double max(double[] values, int count) {
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < count; i++) {
            max = Math.max(max, values[i]);
        }
        return max;
    }

    /** Seconds since the first analysed point, for the fit's x axis. */
    public double x(double epochSeconds) {
        return epochSeconds - series.times()[0];
    }

    /** The fitted live set at the last analysed point. */
    public double currentLevel() {
        return fit.valueAt(x(series.lastTime()));
    }
}
