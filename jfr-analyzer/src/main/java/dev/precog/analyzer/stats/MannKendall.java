package dev.precog.analyzer.stats;

import java.util.Arrays;

/**
 * The Mann–Kendall test for a monotonic trend: distribution-free, robust to outliers and to
 * the shape of the trend, with the variance corrected for tied values.
 *
 * @param s the statistic: concordant minus discordant pairs
 * @param z the normal score (continuity-corrected)
 * @param pIncreasing one-sided p-value for "the series increases"
 * @param n number of points
 */
public record MannKendall(long s, double z, double pIncreasing, int n) {

    /** Runs the test on {@code values} in time order. Needs at least 3 points. */
    public static MannKendall test(double[] values) {
        int n = values.length;
        if (n < 3) {
            throw new IllegalArgumentException("Mann-Kendall needs at least 3 points, got " + n);
        }
        long s = 0;
        for (int i = 0; i < n - 1; i++) {
            for (int j = i + 1; j < n; j++) {
                s += Double.compare(values[j], values[i]);
            }
        }
        double variance = (n * (n - 1.0) * (2.0 * n + 5.0) - tieCorrection(values)) / 18.0;
        double z;
        if (variance <= 0 || s == 0) {
            z = 0;
        } else if (s > 0) {
            z = (s - 1) / Math.sqrt(variance);
        } else {
            z = (s + 1) / Math.sqrt(variance);
        }
        return new MannKendall(s, z, 1 - NormalDistribution.cdf(z), n);
    }

    /** The variance of S for {@code n} points with the ties of {@code values}. */
    static double variance(double[] values) {
        int n = values.length;
        return (n * (n - 1.0) * (2.0 * n + 5.0) - tieCorrection(values)) / 18.0;
    }

    private static double tieCorrection(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        double correction = 0;
        int i = 0;
        while (i < sorted.length) {
            int j = i;
            while (j + 1 < sorted.length && sorted[j + 1] == sorted[i]) {
                j++;
            }
            int t = j - i + 1;
            if (t > 1) {
                correction += t * (t - 1.0) * (2.0 * t + 5.0);
            }
            i = j + 1;
        }
        return correction;
    }
}
