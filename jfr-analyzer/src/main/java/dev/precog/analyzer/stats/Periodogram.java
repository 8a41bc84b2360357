package dev.precog.analyzer.stats;

/**
 * A least-squares periodogram for unevenly spaced points: at each candidate frequency a cycle
 * (the fundamental and its second harmonic) is fitted to the residuals by least squares, and its
 * power is the share of their sum of squares it explains. Fitting in time rather than by index
 * matters: after-GC values exist only for windows with a collection, so a fixed lag in points is
 * no fixed lag in seconds.
 */
public final class Periodogram {

    /** Harmonics fitted per cycle: the fundamental and its first overtone. */
    public static final int HARMONICS = 2;
    private static final int TERMS = 1 + 2 * HARMONICS;

    private Periodogram() {}

    /** A fitted cycle: its frequency (1/s), the share of the sum of squares it explains, and its terms. */
    public record Cycle(double frequency, double power, double[] coefficients) {

        /** The cycle's value at time {@code t} (same time origin as the fit). */
        public double valueAt(double t) {
            double w = 2 * Math.PI * frequency;
            double v = coefficients[0];
            for (int h = 1; h <= HARMONICS; h++) {
                v += coefficients[2 * h - 1] * Math.cos(h * w * t) + coefficients[2 * h] * Math.sin(h * w * t);
            }
            return v;
        }

        public double period() {
            return 1 / frequency;
        }
    }

    /**
     * The best cycle of {@code r} (residuals, mean removed; {@code total} their sum of squares)
     * between frequencies {@code from} and {@code to}, scanned at {@code step} and refined around
     * the best grid point; null when no frequency can be fitted.
     */
    public static Cycle best(double[] t, double[] r, double total, double from, double to, double step) {
        Cycle best = null;
        for (double f = from; f <= to; f += step) {
            best = better(best, f > 0 ? fit(t, r, total, f) : null);
        }
        if (best == null) {
            return null;
        }
        double coarse = best.frequency();
        for (double f = coarse - step; f <= coarse + step; f += step / 20) {
            best = better(best, f > 0 ? fit(t, r, total, f) : null);
        }
        return best;
    }

    private static Cycle better(Cycle a, Cycle b) {
        if (b == null) {
            return a;
        }
        return a == null || b.power() > a.power() ? b : a;
    }

    /**
     * The cycle of {@code frequency} fitted to {@code r} by least squares,
     * r ~ a + b1 cos(wt) + c1 sin(wt) + b2 cos(2wt) + c2 sin(2wt); null when the frequency aliases
     * with the sampling.
     */
    public static Cycle fit(double[] t, double[] r, double total, double frequency) {
        double w = 2 * Math.PI * frequency;
        double[][] a = new double[TERMS][TERMS];
        double[] b = new double[TERMS];
        double[] x = new double[TERMS];
        for (int i = 0; i < t.length; i++) {
            x[0] = 1;
            for (int h = 1; h <= HARMONICS; h++) {
                x[2 * h - 1] = Math.cos(h * w * t[i]);
                x[2 * h] = Math.sin(h * w * t[i]);
            }
            for (int p = 0; p < TERMS; p++) {
                b[p] += x[p] * r[i];
                for (int q = 0; q < TERMS; q++) {
                    a[p][q] += x[p] * x[q];
                }
            }
        }
        double[] coefficients = LinearSystem.solve(a, b);
        if (coefficients == null) {
            return null;
        }
        // the explained sum of squares of a least-squares fit is coefficients . b
        double explained = 0;
        for (int p = 0; p < TERMS; p++) {
            explained += coefficients[p] * b[p];
        }
        double power = total > 0 ? Math.max(0, Math.min(1, explained / total)) : 0;
        return new Cycle(frequency, power, coefficients);
    }
}
