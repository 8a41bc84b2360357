package dev.precog.analyzer.forecast;

import dev.precog.analyzer.stats.Median;
import java.util.Arrays;

/**
 * A level plus a term that grows by a constant rate, {@code v = base + scale * e^(rate * t)}: what
 * a backlog that feeds on itself (retries, fan-out) adds to a heap. The rate is found on a grid
 * (from a tenth of a doubling per history to sixteen doublings, then refined), base and scale by least squares at
 * each rate. Declined unless the growing term really grows (positive scale and rate). The rate is
 * trusted no more than the later half of the history, fitted alone, agrees with it: a real backlog
 * is seldom exactly exponential, and a rate a little off compounds.
 */
final class ExponentialTrendModel implements ForecastModel {

    static final String NAME = "exponential-trend";

    /** Rates tried, log-spaced, per history span. */
    private static final int RATES = 40;
    private static final double LOWEST_DOUBLINGS = 0.1;
    private static final double HIGHEST_DOUBLINGS = 16;
    /** Golden-section steps refining the best grid rate between its neighbours. */
    private static final int REFINEMENTS = 30;
    /**
     * Share of the rate's move between the whole history and its later half taken as the rate's
     * standard error (when over the curvature's): the move is itself noisy, and all of it widened a
     * truly exponential series' 80% bands to 93% in {@code IntervalCoverageTest} (91% without it).
     */
    static final double SHIFT_WEIGHT = 0.75;
    /** The exponent is capped here so a forecast a week out stays a finite number. */
    static final double MAX_EXPONENT = 40;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public int minPoints() {
        return 10;
    }

    @Override
    public Fit fit(double[] x, double[] v) {
        double[] all = bestRate(x, v);
        if (all == null) {
            return null;
        }
        int n = v.length;
        // the rate the later half alone grows at: how far it moves says more about a backlog that
        // is not quite exponential than the curvature of one fit does
        double shift = 0;
        if (n >= 2 * minPoints()) {
            double[] later = bestRate(Arrays.copyOfRange(x, n / 2, n), Arrays.copyOfRange(v, n / 2, n));
            shift = later == null ? 0 : SHIFT_WEIGHT * Math.abs(later[0] - all[0]);
        }
        return fitted(x, v, all, shift);
    }

    /** {rate, base, scale, sse} of the best fit, or null when none grows. */
    private static double[] bestRate(double[] x, double[] v) {
        int n = v.length;
        double span = x[n - 1] - x[0];
        if (span <= 0) {
            return null;
        }
        double lowest = LOWEST_DOUBLINGS * Math.log(2) / span;
        double highest = HIGHEST_DOUBLINGS * Math.log(2) / span;
        double ratio = Math.pow(highest / lowest, 1.0 / (RATES - 1));
        double[] best = null;
        for (int i = 0; i < RATES; i++) {
            best = better(best, x, v, lowest * Math.pow(ratio, i));
        }
        if (best == null) {
            return null;
        }
        // golden-section search of the squared error between the best grid rate's neighbours
        double a = best[0] / ratio;
        double b = best[0] * ratio;
        double g = (Math.sqrt(5) - 1) / 2;
        for (int i = 0; i < REFINEMENTS; i++) {
            double c = b - g * (b - a);
            double d = a + g * (b - a);
            if (sse(x, v, c) < sse(x, v, d)) {
                b = d;
            } else {
                a = c;
            }
        }
        return better(best, x, v, (a + b) / 2);
    }

    /** The fit of {best rate, base, scale, sse}, its rate uncertain by at least {@code shift}. */
    private static Fit fitted(double[] x, double[] v, double[] best, double shift) {
        int n = v.length;
        double rate = best[0];
        double base = best[1];
        double scale = best[2];
        double[] r = new double[n];
        for (int i = 0; i < n; i++) {
            r[i] = v[i] - base - scale * Math.exp(rate * x[i]);
        }
        double residual = Median.spreadAbout(r, 0);
        double rho = LinearTrendModel.autocorrelation(r);
        double rateSe = Math.max(shift, Math.sqrt((1 + rho) / (1 - rho)) * rateStandardError(x, v, rate, best[3]));
        return new Fit() {
            @Override
            public double valueAt(double lead) {
                return base + scale * Math.exp(Math.min(MAX_EXPONENT, rate * lead));
            }

            @Override
            public double sigmaAt(double lead) {
                // the noise now, growing with the term itself, and a rate a little off, which compounds
                double ahead = Math.max(0, lead);
                double growth = Math.exp(Math.min(MAX_EXPONENT, rate * ahead));
                double fromRate = scale * ahead * growth * rateSe;
                double noise = residual * Math.sqrt(1 + 1.0 / n) * growth;
                return Math.sqrt(noise * noise + fromRate * fromRate);
            }

            @Override
            public double slope() {
                return scale * rate;
            }

            @Override
            public double magnitudeAt(double lead) {
                // the growing term and the level, never cancelling: the size the errors compound with
                return scale * Math.exp(Math.min(MAX_EXPONENT, rate * Math.max(0, lead))) + Math.abs(base);
            }
        };
    }

    /**
     * The rate's standard error from the curvature of the squared error around its minimum (base
     * and scale refitted at each rate): {@code sqrt(2 s^2 / SSE'')} with {@code s^2} the residual
     * variance; 0 where the curvature cannot be measured.
     */
    private static double rateStandardError(double[] x, double[] v, double rate, double sse) {
        double h = 1e-3 * rate;
        double curvature = (sse(x, v, rate + h) - 2 * sse + sse(x, v, rate - h)) / (h * h);
        int dof = v.length - 3;
        if (!(curvature > 0) || dof <= 0) {
            return 0;
        }
        return Math.sqrt(2 * (sse / dof) / curvature);
    }

    /** {rate, base, scale, sse} of the better of {@code best} and the fit at {@code rate}. */
    private static double[] better(double[] best, double[] x, double[] v, double rate) {
        double[] fit = leastSquares(x, v, rate);
        if (fit != null && fit[1] > 0 && (best == null || fit[2] < best[3])) {
            return new double[] {rate, fit[0], fit[1], fit[2]};
        }
        return best;
    }

    private static double sse(double[] x, double[] v, double rate) {
        double[] fit = leastSquares(x, v, rate);
        return fit == null ? Double.POSITIVE_INFINITY : fit[2];
    }

    /** {base, scale, sum of squared errors} of v ~ base + scale * e^(rate x), or null when degenerate. */
    private static double[] leastSquares(double[] x, double[] v, double rate) {
        int n = v.length;
        double se = 0;
        double see = 0;
        double sv = 0;
        double sev = 0;
        double[] e = new double[n];
        for (int i = 0; i < n; i++) {
            e[i] = Math.exp(rate * x[i]);
            se += e[i];
            see += e[i] * e[i];
            sv += v[i];
            sev += e[i] * v[i];
        }
        double det = n * see - se * se;
        if (Math.abs(det) <= 1e-12 * n * see) {
            return null;
        }
        double scale = (n * sev - se * sv) / det;
        double base = (sv - scale * se) / n;
        double sse = 0;
        for (int i = 0; i < n; i++) {
            double r = v[i] - base - scale * e[i];
            sse += r * r;
        }
        return new double[] {base, scale, sse};
    }
}
