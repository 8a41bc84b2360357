package dev.precog.analyzer.stats;

import java.util.Arrays;

/** The median of a sample, leaving the sample as it was. */
public final class Median {

    /** The standard deviation of normal noise over its median absolute deviation. */
    static final double NORMAL_CONSISTENCY = 1.4826;

    private Median() {}

    /** The median of {@code values} (not empty), which are not reordered. */
    public static double of(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int m = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[m] : (sorted[m - 1] + sorted[m]) / 2;
    }

    /**
     * The robust spread of {@code values} (not empty) about {@code centre}: their median absolute deviation
     * from it, times 1.4826 so that for normal noise it estimates the standard deviation.
     */
    public static double spreadAbout(double[] values, double centre) {
        double[] deviation = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            deviation[i] = Math.abs(values[i] - centre);
        }
        return NORMAL_CONSISTENCY * of(deviation);
    }
}
