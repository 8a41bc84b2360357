package dev.precog.analyzer.stats;

import java.util.Arrays;

/**
 * Theil–Sen robust line: the median of all pairwise slopes, with the distribution-free
 * confidence interval for the slope (Sen 1968) and the median residual spread.
 *
 * @param slope the median pairwise slope (units of y per unit of x)
 * @param intercept median of {@code y - slope * x}
 * @param slopeLow lower bound of the slope's confidence interval
 * @param slopeHigh upper bound of the slope's confidence interval
 * @param level the confidence level of the interval, e.g. 0.95
 * @param residualScale robust scale of the residuals (1.4826 × median absolute residual)
 */
public record TheilSen(
        double slope, double intercept, double slopeLow, double slopeHigh, double level, double residualScale) {

    /** Fits {@code y} against {@code x} (same length, at least 3 points, x not all equal). */
    public static TheilSen fit(double[] x, double[] y, double level) {
        int n = x.length;
        if (n != y.length || n < 3) {
            throw new IllegalArgumentException("Theil-Sen needs two series of the same length >= 3");
        }
        double[] slopes = new double[n * (n - 1) / 2];
        int m = 0;
        for (int i = 0; i < n - 1; i++) {
            for (int j = i + 1; j < n; j++) {
                double dx = x[j] - x[i];
                if (dx != 0) {
                    slopes[m++] = (y[j] - y[i]) / dx;
                }
            }
        }
        if (m == 0) {
            throw new IllegalArgumentException("Theil-Sen needs at least two distinct x values");
        }
        slopes = Arrays.copyOf(slopes, m);
        Arrays.sort(slopes);
        double slope = median(slopes);

        // Sen's interval: ranks (m -/+ C)/2 into the sorted slopes, C = z * sqrt(Var S).
        double c = NormalDistribution.quantile(1 - (1 - level) / 2) * Math.sqrt(MannKendall.variance(y));
        int lowerRank = (int) Math.floor((m - c) / 2.0);
        int upperRank = (int) Math.ceil((m + c) / 2.0) + 1;
        double slopeLow = slopes[clamp(lowerRank - 1, m)];
        double slopeHigh = slopes[clamp(upperRank - 1, m)];

        double[] residuals = new double[n];
        for (int i = 0; i < n; i++) {
            residuals[i] = y[i] - slope * x[i];
        }
        double intercept = median(residuals.clone());
        double scale = Median.spreadAbout(residuals, intercept);
        return new TheilSen(slope, intercept, slopeLow, slopeHigh, level, scale);
    }

    /** The fitted value at {@code x}. */
    public double valueAt(double x) {
        return intercept + slope * x;
    }

    private static int clamp(int index, int size) {
        return Math.max(0, Math.min(size - 1, index));
    }

    /** Median of {@code values}; sorts the array in place. */
    static double median(double[] values) {
        Arrays.sort(values);
        int n = values.length;
        return n % 2 == 1 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
    }
}
