package dev.precog.analyzer.stats;

import java.util.Arrays;

/** The median of a sample, leaving the sample as it was. */
public final class Median {

    private Median() {}

    /** The median of {@code values} (not empty), which are not reordered. */
    public static double of(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int m = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[m] : (sorted[m - 1] + sorted[m]) / 2;
    }
}
