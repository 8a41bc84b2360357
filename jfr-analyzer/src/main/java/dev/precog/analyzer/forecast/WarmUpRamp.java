package dev.precog.analyzer.forecast;

import dev.precog.analyzer.report.Format;
import dev.precog.analyzer.stats.Median;
import dev.precog.analyzer.stats.TheilSen;
import dev.precog.analyzer.timeline.Series;
import java.util.Arrays;

/**
 * A history that climbed to a level and has held it since: a young JVM's heap ramps while its
 * caches warm, then stays. Fitted across the ramp, the backtest's inner origins see nothing but the
 * climb, so the level's bands took in the whole ramp (the warming cache's heap at 110 MB with 80%
 * bands of ±2-3 MB where it moved by 1 MB) and a line's reached from nothing to the maximum heap.
 * The forecast is then made from the held stretch alone, when all of these hold:
 * <ul>
 *   <li>the last {@link #MIN_SETTLED_POINTS} points set a band: their median, give or take
 *       {@link #BAND_SIGMAS} times their robust spread, or {@link #BAND_SHARE_OF_RISE} of the rise to it;
 *   <li>every point before the stretch inside that band lies outside it, all on one side;
 *   <li>the stretch holds at least {@link #MIN_SETTLED_POINTS} points and at least as many as the ramp;
 *   <li>the ramp climbed at least {@link #FASTER_BY} times as fast as the stretch moves.
 * </ul>
 * A line, however long, moves as fast in its stretch as before it; a sawtooth's or a cycle's earlier
 * points fall inside the band too; a staircase's latest stair is shorter than the stairs before it.
 * What such a history cannot show is a ramp that paused and will climb again.
 */
final class WarmUpRamp {

    /** Points that set the held band, and the fewest the held stretch may have. */
    static final int MIN_SETTLED_POINTS = MetricForecaster.MIN_POINTS;
    /** The band's half-width in robust standard deviations of the last points. */
    static final double BAND_SIGMAS = 4;
    /** The band's least half-width as a share of the rise from the history's first point to the level. */
    static final double BAND_SHARE_OF_RISE = 0.1;
    /** How much faster than the held stretch the ramp must have climbed. */
    static final double FASTER_BY = 10;

    private WarmUpRamp() {}

    /**
     * A history to forecast from, and why it starts where it does when that is after a ramp (else null): an
     * operator who sees a heap's forecast built on three minutes of a ten-minute run should be told why.
     */
    record Settled(Series history, String note) {}

    /** {@code s} from where it settled after a ramp, or {@code s} itself when it did not ramp and settle. */
    static Settled settled(Series s) {
        int start = start(s.times(), s.values());
        if (start == 0) {
            return new Settled(s, null);
        }
        return new Settled(s.from(start), "fitted from where the series settled after a warm-up ramp, whose " + start
                + " points (" + Format.duration(s.times()[start] - s.times()[0]) + ") are left out");
    }

    /** The index the held stretch starts at; 0 when the history did not ramp and then hold. */
    static int start(double[] x, double[] v) {
        int n = v.length;
        if (n <= MIN_SETTLED_POINTS) {
            return 0;
        }
        double[] last = Arrays.copyOfRange(v, n - MIN_SETTLED_POINTS, n);
        double level = Median.of(last);
        double spread = Median.spreadAbout(last, level);
        double half = Math.max(Math.max(BAND_SIGMAS * spread, BAND_SHARE_OF_RISE * Math.abs(level - v[0])), ModelSelection.floor(v));
        int start = n;
        while (start > 0 && Math.abs(v[start - 1] - level) <= half) {
            start--;
        }
        if (start == 0 || n - start < Math.max(MIN_SETTLED_POINTS, start)) {
            return 0;
        }
        double side = Math.signum(v[0] - level);
        for (int i = 0; i < start; i++) {
            if (Math.abs(v[i] - level) <= half || Math.signum(v[i] - level) != side) {
                return 0;
            }
        }
        double[] rampX = Arrays.copyOf(x, start);
        double[] rampV = Arrays.copyOf(v, start);
        double[] heldX = Arrays.copyOfRange(x, start, n);
        double[] heldV = Arrays.copyOfRange(v, start, n);
        double ramp = Math.abs((Median.of(heldV) - Median.of(rampV)) / (Median.of(heldX) - Median.of(rampX)));
        double held = Math.abs(TheilSen.fit(heldX, heldV, 0.95).slope());
        return held * FASTER_BY <= ramp ? start : 0;
    }
}
