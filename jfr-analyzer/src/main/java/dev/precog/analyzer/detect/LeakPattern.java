package dev.precog.analyzer.detect;

import dev.precog.analyzer.stats.TheilSen;
import dev.precog.analyzer.timeline.Series;
import java.util.Arrays;
import java.util.Locale;

/**
 * The shape of a growth already judged real: STAIRCASE (the rise comes in a few jumps with flat
 * stretches between, as from a periodic job that keeps its results), EXPONENTIAL (each third of
 * the span climbs faster than the one before), PERIODIC (a repeating swing around the trend,
 * as from batches that leave a residue) or LINEAR. The shape tells an operator where to look:
 * a staircase points at something scheduled, an exponential rise at something that feeds on
 * itself (retries, fan-out), and it changes how far a straight-line forecast can be trusted.
 *
 * @param name LINEAR, STAIRCASE, EXPONENTIAL or PERIODIC, as the report's {@code pattern}
 * @param reason the numbers behind the choice, for the finding's evidence
 */
public record LeakPattern(String name, String reason) {

    /** Fewer points than this are always LINEAR: shapes need history to be told apart. */
    static final int MIN_POINTS = 15;
    /** A jump counts as a step above this many robust standard deviations of the increments' excess... */
    static final double STEP_NOISE_SIGMAS = 4;
    /** ...and when it is this many times what the trend adds over the same interval. */
    static final double STEP_OVER_TREND = 2.5;
    /** Steps must carry this share of the rise, in at most {@link #MAX_STEP_POINTS} of the increments. */
    static final double STEPS_CARRY = 0.7;
    static final double MAX_STEP_POINTS = 0.3;
    /** The last third's slope over the first third's, at least, for EXPONENTIAL. */
    static final double ACCELERATION = 2.0;
    /** Autocorrelation of the detrended series at its best lag, at least, for PERIODIC. */
    static final double PERIODIC_AUTOCORRELATION = 0.5;
    /** The swing's standard deviation, at least this share of the trend's rise over one cycle. */
    static final double MIN_SWING_OF_CYCLE_RISE = 0.25;

    /** Classifies the analysed live-set (or any rising) series whose Theil–Sen fit is {@code fit}. */
    public static LeakPattern classify(Series s, TheilSen fit) {
        double rise = fit.slope() * s.spanSeconds();
        if (s.size() < MIN_POINTS) {
            return new LeakPattern("LINEAR", "too few points to tell a shape (" + s.size() + ")");
        }
        if (rise <= 0) {
            return new LeakPattern("LINEAR", "no rise to give a shape to");
        }
        // acceleration first: the last increments of a steep exponential are jumps against the mean slope
        LeakPattern exponential = exponential(s);
        if (exponential != null) {
            return exponential;
        }
        LeakPattern staircase = staircase(s, fit.slope(), rise);
        if (staircase != null) {
            return staircase;
        }
        LeakPattern periodic = periodic(s, fit);
        return periodic != null ? periodic : new LeakPattern("LINEAR", "steady rise: no steps, no acceleration, no cycle");
    }

    /** The shape for the summary: " in steps,", " ever faster, on average", " in cycles," or "" for LINEAR. */
    String inWords() {
        return switch (name) {
            case "STAIRCASE" -> " in steps,";
            case "EXPONENTIAL" -> " ever faster, on average";
            case "PERIODIC" -> " in cycles,";
            default -> "";
        };
    }

    /**
     * A few large jumps carry most of the rise and are kept; between them the series is flat. Increments are
     * judged against what the trend adds over their own interval, as points are uneven in time
     * (only windows with a collection have an after-GC value).
     */
    private static LeakPattern staircase(Series s, double slope, double rise) {
        double[] v = s.values();
        double[] t = s.times();
        int n = v.length - 1;
        double[] excess = new double[n];
        for (int i = 0; i < n; i++) {
            excess[i] = v[i + 1] - v[i] - slope * (t[i + 1] - t[i]);
        }
        double median = median(excess);
        double[] deviation = new double[n];
        for (int i = 0; i < n; i++) {
            deviation[i] = Math.abs(excess[i] - median);
        }
        double sigma = 1.4826 * median(deviation);
        int stepPoints = 0;
        int steps = 0;
        double stepRise = 0;
        double drops = 0;
        boolean inStep = false;
        for (int i = 0; i < n; i++) {
            double jump = v[i + 1] - v[i];
            drops += Math.max(0, -jump);
            boolean step = jump > STEP_OVER_TREND * slope * (t[i + 1] - t[i]) && excess[i] - median > STEP_NOISE_SIGMAS * sigma;
            if (step) {
                stepPoints++;
                stepRise += jump;
                if (!inStep) {
                    steps++;
                }
            }
            inStep = step;
        }
        // a staircase keeps what each step added: swings given back are a cycle, not steps
        if (steps < 2 || stepRise < STEPS_CARRY * rise || stepPoints > MAX_STEP_POINTS * n
                || drops > (1 - STEPS_CARRY) * rise) {
            return null;
        }
        return new LeakPattern("STAIRCASE", String.format(Locale.ROOT,
                "%d steps carry %.0f%% of the rise, in %d of %d intervals", steps, 100 * stepRise / rise, stepPoints, n));
    }

    /**
     * Each third climbs faster than the one before, the last at least twice as fast as the first,
     * and the last third's 95% slope interval lies wholly above the first's: noise on a straight
     * line orders three slopes by chance, it does not separate their intervals.
     */
    private static LeakPattern exponential(Series s) {
        int third = s.size() / 3;
        TheilSen first = fit(s, 0, third);
        TheilSen second = fit(s, third, 2 * third);
        TheilSen last = fit(s, 2 * third, s.size());
        if (first.slope() <= 0 || second.slope() <= first.slope() || last.slope() <= second.slope()
                || last.slope() < ACCELERATION * first.slope() || last.slopeLow() <= first.slopeHigh()) {
            return null;
        }
        return new LeakPattern("EXPONENTIAL", String.format(Locale.ROOT,
                "the rate accelerates: %.1fx from the first third of the span to the last", last.slope() / first.slope()));
    }

    /** The detrended series correlates with itself one cycle later, after swinging negative in between. */
    private static LeakPattern periodic(Series s, TheilSen fit) {
        double t0 = s.times()[0];
        int n = s.size();
        double[] r = new double[n];
        double mean = 0;
        for (int i = 0; i < n; i++) {
            r[i] = s.values()[i] - fit.valueAt(s.times()[i] - t0);
            mean += r[i] / n;
        }
        double variance = 0;
        for (double ri : r) {
            variance += (ri - mean) * (ri - mean);
        }
        if (variance <= 0) {
            return null;
        }
        // the first lag where the swing has turned against itself, then the best match after it
        int bestLag = 0;
        double best = Double.NEGATIVE_INFINITY;
        boolean turned = false;
        for (int lag = 1; lag <= n / 3; lag++) {
            double acf = 0;
            for (int i = 0; i + lag < n; i++) {
                acf += (r[i] - mean) * (r[i + lag] - mean);
            }
            acf /= variance;
            turned |= acf < 0;
            if (turned && lag >= 3 && acf > best) {
                best = acf;
                bestLag = lag;
            }
        }
        double period = bestLag * s.spanSeconds() / (n - 1);
        // the swing must matter against what the trend adds in one cycle, however long the history
        if (best < PERIODIC_AUTOCORRELATION || Math.sqrt(variance / n) < MIN_SWING_OF_CYCLE_RISE * fit.slope() * period) {
            return null;
        }
        return new LeakPattern("PERIODIC", String.format(Locale.ROOT,
                "a cycle of about %.0f s around the trend (autocorrelation %.2f at lag %d)", period, best, bestLag));
    }

    private static TheilSen fit(Series s, int from, int to) {
        double[] x = Arrays.copyOfRange(s.times(), from, to);
        double x0 = x[0];
        for (int i = 0; i < x.length; i++) {
            x[i] -= x0;
        }
        return TheilSen.fit(x, Arrays.copyOfRange(s.values(), from, to), 0.95);
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int m = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[m] : (sorted[m - 1] + sorted[m]) / 2;
    }
}
