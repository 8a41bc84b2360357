package dev.precog.analyzer.detect;

import dev.precog.analyzer.stats.Median;
import dev.precog.analyzer.stats.Periodogram;
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
    /**
     * Share of the detrended series' variance a cycle explains, at least, for PERIODIC: noise that
     * wanders (red noise) reaches about 0.4 at its best period, a real batch cycle 0.7 to 0.8.
     */
    static final double PERIODIC_POWER = 0.5;
    /**
     * A cycle is looked for from this many points: with five parameters tried at many periods,
     * white noise over 15 points explains half its variance too often.
     */
    static final int MIN_PERIODIC_POINTS = 30;
    /** A cycle half as long that explains this share of the best one's power is the one reported. */
    static final double SAME_POWER = 0.9;
    /** A cycle must repeat this many times in the analysed span, so slow wander is not a cycle... */
    static final double MIN_CYCLES = 4;
    /** ...and be seen at this many points per cycle at the usual spacing. */
    static final double MIN_POINTS_PER_CYCLE = 3;
    /** Candidate frequencies per periodogram resolution step (1 / span). */
    static final double OVERSAMPLING = 5;
    /** The swing's standard deviation, at least this share of the trend's rise over one cycle. */
    static final double MIN_SWING_OF_CYCLE_RISE = 0.25;

    /**
     * Whether {@link #classify} would call the rise EXPONENTIAL, without trying the other shapes (a
     * periodogram among them): for a forecaster that needs only that.
     */
    public static boolean isExponential(Series s, TheilSen fit) {
        return s.size() >= MIN_POINTS && fit.slope() * s.spanSeconds() > 0 && exponential(s) != null;
    }

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
        double median = Median.of(excess);
        double sigma = Median.spreadAbout(excess, median);
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

    /**
     * A cycle fitted to the detrended series by least squares, at each candidate period, explains
     * enough of what is left: a {@link Periodogram} with the fundamental and its second harmonic, so
     * a batch's square or saw-tooth swing fits as well as a sine.
     */
    private static LeakPattern periodic(Series s, TheilSen fit) {
        double[] t = s.times();
        int n = s.size();
        if (n < MIN_PERIODIC_POINTS) {
            return null;
        }
        double t0 = t[0];
        double[] r = new double[n];
        double mean = 0;
        for (int i = 0; i < n; i++) {
            r[i] = s.values()[i] - fit.valueAt(t[i] - t0);
            mean += r[i] / n;
        }
        double total = 0;
        for (int i = 0; i < n; i++) {
            r[i] -= mean;
            total += r[i] * r[i];
        }
        double span = s.spanSeconds();
        double[] gaps = new double[n - 1];
        for (int i = 0; i < n - 1; i++) {
            gaps[i] = t[i + 1] - t[i];
        }
        double lowest = MIN_CYCLES / span;
        double highest = 1 / (MIN_POINTS_PER_CYCLE * Median.of(gaps));
        if (total <= 0 || highest <= lowest) {
            return null;
        }
        double step = 1 / (OVERSAMPLING * span);
        Periodogram.Cycle best = Periodogram.best(t, r, total, lowest, highest, step);
        if (best == null) {
            return null;
        }
        // half the true period fits as well as the period itself with a second harmonic: prefer the shorter cycle
        if (2 * best.frequency() <= highest) {
            Periodogram.Cycle doubled = Periodogram.best(t, r, total, 2 * best.frequency() - step,
                    2 * best.frequency() + step, step / 20);
            if (doubled != null && doubled.power() >= SAME_POWER * best.power()) {
                best = doubled;
            }
        }
        double period = best.period();
        // the swing must matter against what the trend adds in one cycle, however long the history
        if (best.power() < PERIODIC_POWER || Math.sqrt(total / n) < MIN_SWING_OF_CYCLE_RISE * fit.slope() * period) {
            return null;
        }
        return new LeakPattern("PERIODIC", String.format(Locale.ROOT,
                "a cycle of about %.0f s around the trend (it explains %.0f%% of the swing)", period, 100 * best.power()));
    }

    private static TheilSen fit(Series s, int from, int to) {
        double[] x = Arrays.copyOfRange(s.times(), from, to);
        double x0 = x[0];
        for (int i = 0; i < x.length; i++) {
            x[i] -= x0;
        }
        return TheilSen.fit(x, Arrays.copyOfRange(s.values(), from, to), 0.95);
    }
}
