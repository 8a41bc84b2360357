package dev.precog.analyzer.detect;

import dev.precog.analyzer.stats.MannKendall;
import dev.precog.analyzer.stats.TheilSen;
import dev.precog.analyzer.timeline.Series;

/**
 * Whether a series (live set, thread count, metaspace, RSS) really rises: Mann–Kendall for a
 * monotonic trend, Theil–Sen for its rate with a 95% interval, the most recent third for a
 * plateau, and the lower envelope for persistence (a sawtooth whose teeth are given back does
 * not persist). Detectors add what "matters" means for their resource.
 *
 * @param series the analysed points (times in epoch seconds)
 * @param trend Mann–Kendall result for "the series increases"
 * @param fit Theil–Sen line, 95% slope interval; x is seconds since the first point
 * @param recentTrend Mann–Kendall over the most recent third
 * @param recentFit Theil–Sen over the most recent third
 */
public record SeriesTrend(Series series, MannKendall trend, TheilSen fit, MannKendall recentTrend, TheilSen recentFit) {

    /** One-sided p-value below which a rise is significant. */
    public static final double SIGNIFICANCE = 0.01;
    /** Fewer points than this give no verdict. */
    public static final int MIN_POINTS = 8;
    /** Recent slope below this share of the overall slope, without a recent trend, is a plateau. */
    static final double PLATEAU_SLOPE_SHARE = 0.25;
    /** Share of its expected rise the lower envelope must show in each of the first two thirds. */
    static final double PERSISTENT_GROWTH_SHARE = 0.25;
    /** One-sided p-value for a third's own rise, when an accelerating series is judged third by third. */
    static final double OWN_RISE_SIGNIFICANCE = 0.05;
    /** A later drop below an earlier value by more than this share of the growth is given back. */
    static final double MAX_RECLAIMED_SHARE = 0.5;

    /** Fits {@code s}; it needs at least {@link #MIN_POINTS} points spanning some time. */
    public static SeriesTrend of(Series s) {
        if (s.size() < MIN_POINTS || s.spanSeconds() <= 0) {
            throw new IllegalArgumentException("a trend needs " + MIN_POINTS + " points over some time, got " + s.size());
        }
        Series recent = s.last(Math.max(5, s.size() / 3));
        return new SeriesTrend(s, MannKendall.test(s.values()), fit(s), MannKendall.test(recent.values()), fit(recent));
    }

    /** Significant rise whose whole 95% slope interval is above zero. */
    public boolean isSignificantRise() {
        return trend.pIncreasing() < SIGNIFICANCE && fit.slopeLow() > 0;
    }

    /** No longer rising: the recent third shows no trend and a small fraction of the slope. */
    public boolean isPlateau() {
        return recentTrend.pIncreasing() > 0.2 && recentFit.slope() < PLATEAU_SLOPE_SHARE * fit.slope();
    }

    /**
     * Whether the rise stays: the lower envelope (for each point, the lowest value from there on)
     * rose in the first third and again in the second, and no point stood above it by more than
     * half the growth.
     */
    public boolean isPersistent() {
        double growth = growth();
        double[] v = series.values();
        int n = v.length;
        double[] envelope = lowerEnvelope();
        double reclaimed = 0;
        for (int i = 0; i < n; i++) {
            reclaimed = Math.max(reclaimed, v[i] - envelope[i]);
        }
        if (reclaimed > MAX_RECLAIMED_SHARE * growth) {
            return false;
        }
        double required = PERSISTENT_GROWTH_SHARE * growth / 3;
        if (envelope[n / 3] - envelope[0] >= required && envelope[2 * n / 3] - envelope[n / 3] >= required) {
            return true;
        }
        // An accelerating rise does little in its first third against the whole: judge each of the
        // first two thirds by its own significant rise instead. A one-time step has none before it.
        return keepsItsOwnRise(envelope, 0, n / 3) && keepsItsOwnRise(envelope, n / 3, 2 * n / 3);
    }

    /** For each point, the lowest value from there on: what the series kept. */
    double[] lowerEnvelope() {
        double[] v = series.values();
        double[] envelope = new double[v.length];
        double min = Double.POSITIVE_INFINITY;
        for (int i = v.length - 1; i >= 0; i--) {
            min = Math.min(min, v[i]);
            envelope[i] = min;
        }
        return envelope;
    }

    /** Points [from, to] rise significantly on their own, and the envelope keeps a quarter of that rise. */
    private boolean keepsItsOwnRise(double[] envelope, int from, int to) {
        if (to - from + 1 < 5) {
            return false;
        }
        Series part = series.from(from).first(to - from + 1);
        MannKendall own = MannKendall.test(part.values());
        double ownRise = fit(part).slope() * part.spanSeconds();
        return own.pIncreasing() < OWN_RISE_SIGNIFICANCE && ownRise > 0
                && envelope[to] - envelope[from] >= PERSISTENT_GROWTH_SHARE * ownRise;
    }

    /** All three: significant, not a plateau, persistent. */
    public boolean isRising() {
        return isSignificantRise() && !isPlateau() && isPersistent();
    }

    /** Whether the shape of the rise is EXPONENTIAL, as {@link #pattern} would say, tried alone. */
    public boolean isExponential() {
        return LeakPattern.isExponential(series, fit);
    }

    /** The shape of the rise: LINEAR, STAIRCASE, EXPONENTIAL or PERIODIC. */
    public LeakPattern pattern() {
        return LeakPattern.classify(series, fit);
    }

    /** The fitted rise over the analysed span, in the series' unit. */
    public double growth() {
        return fit.slope() * series.spanSeconds();
    }

    /** Seconds since the first analysed point, for the fit's x axis. */
    public double x(double epochSeconds) {
        return epochSeconds - series.times()[0];
    }

    /** The fitted value at the last analysed point. */
    public double currentLevel() {
        return fit.valueAt(x(series.lastTime()));
    }

    /** Seconds until the fitted line reaches {@code limit}; null when it does not rise. */
    public Double secondsTo(double limit) {
        if (fit.slope() <= 0) {
            return null;
        }
        return Math.max(0, (limit - currentLevel()) / fit.slope());
    }

    private static TheilSen fit(Series s) {
        double t0 = s.times()[0];
        double[] x = new double[s.size()];
        for (int i = 0; i < x.length; i++) {
            x[i] = s.times()[i] - t0;
        }
        return TheilSen.fit(x, s.values(), 0.95);
    }
}
