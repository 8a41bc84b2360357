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
 * @param series the analysed points (times in epoch seconds, values in bytes)
 * @param trend Mann–Kendall result for "the live set increases"
 * @param fit Theil–Sen line through the points, 95% slope interval; x is seconds since the first point
 * @param recentTrend Mann–Kendall over the most recent third (a plateau check)
 * @param recentFit Theil–Sen over the most recent third
 */
public record LiveSetTrend(Series series, MannKendall trend, TheilSen fit, MannKendall recentTrend, TheilSen recentFit) {

    /** Fewer points than this give no verdict. */
    public static final int MIN_POINTS = 8;
    /** Longer histories are reduced to this many points by their floor. */
    static final int MAX_POINTS = 240;
    /** Share of the history treated as warm-up and ignored. */
    static final double WARMUP_FRACTION = 0.1;

    /** The trend over {@code timeline}, empty when there are too few after-GC points. */
    public static Optional<LiveSetTrend> of(Timeline timeline) {
        Series all = timeline.series(Metric.HEAP_USED_AFTER_GC);
        if (all.size() < MIN_POINTS + 1) {
            return Optional.empty();
        }
        int warmup = Math.max(1, (int) Math.ceil(all.size() * WARMUP_FRACTION));
        Series s = all.from(warmup).downsampleByMin(MAX_POINTS);
        if (s.size() < MIN_POINTS || s.spanSeconds() <= 0) {
            return Optional.empty();
        }
        Series recent = s.last(Math.max(5, s.size() / 3));
        return Optional.of(new LiveSetTrend(
                s, MannKendall.test(s.values()), fit(s), MannKendall.test(recent.values()), fit(recent)));
    }

    private static TheilSen fit(Series s) {
        double t0 = s.times()[0];
        double[] x = new double[s.size()];
        for (int i = 0; i < x.length; i++) {
            x[i] = s.times()[i] - t0;
        }
        return TheilSen.fit(x, s.values(), 0.95);
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
