package dev.precog.analyzer.forecast;

import dev.precog.analyzer.stats.Median;
import java.util.Arrays;

/**
 * Squared errors binned by their lead, bins a factor of two apart from one series step: the
 * material for a power law of how an error's spread grows with the lead.
 */
final class LeadBins {

    static final int BINS = 12;
    /** Errors needed in a bin for it to count in the law. */
    static final int MIN_PER_BIN = 5;
    /** Errors grow at most this fast with the lead (1 is a wrong slope; faster is a fitting accident). */
    static final double MAX_POWER = 1.5;

    /** The median of a squared standard normal: a median of squares over it estimates a variance. */
    private static final double CHI2_MEDIAN = 0.454936;

    private final double unit;
    private final int[] count = new int[BINS];
    private final double[][] squares = new double[BINS][];

    LeadBins(double unit) {
        this.unit = unit;
    }

    void add(double lead, double squaredError) {
        int b = Math.min(BINS - 1, Math.max(0, (int) Math.floor(Math.log(lead / unit) / Math.log(2))));
        if (squares[b] == null) {
            squares[b] = new double[16];
        } else if (count[b] == squares[b].length) {
            squares[b] = Arrays.copyOf(squares[b], 2 * count[b]);
        }
        squares[b][count[b]++] = squaredError;
    }

    /**
     * A variance per bin from the median square, NaN where a bin has too few errors: a rare jump
     * (a one-time step in the history) moves it little, a drift every pair shares moves it fully.
     */
    double[] robustVariances() {
        double[] m = new double[BINS];
        for (int b = 0; b < BINS; b++) {
            m[b] = count[b] < MIN_PER_BIN ? Double.NaN
                    : robustVariance(Arrays.copyOf(squares[b], count[b]));
        }
        return m;
    }

    /** A variance from the median of {@code squares} (squared errors), so a few spikes move it little. */
    static double robustVariance(double[] squares) {
        return Median.of(squares) / CHI2_MEDIAN;
    }

    /**
     * The square root of {@code variances} (one per bin) against the lead, fitted as a power law in
     * log-log space weighted by the errors per bin; null with fewer than {@code minBins} usable bins.
     */
    ModelSelection.ErrorGrowth powerLaw(double[] variances, int minBins) {
        double sw = 0;
        double sx = 0;
        double sy = 0;
        double sxx = 0;
        double sxy = 0;
        int used = 0;
        int last = 0;
        for (int b = 0; b < BINS; b++) {
            if (Double.isNaN(variances[b]) || variances[b] <= 0) {
                continue;
            }
            last = b;
            double lx = Math.log(Math.pow(2, b + 0.5));
            double ly = 0.5 * Math.log(variances[b]);
            sw += count[b];
            sx += count[b] * lx;
            sy += count[b] * ly;
            sxx += count[b] * lx * lx;
            sxy += count[b] * lx * ly;
            used++;
        }
        if (used < minBins) {
            return null;
        }
        double power = (sw * sxy - sx * sy) / (sw * sxx - sx * sx);
        power = Math.max(0, Math.min(MAX_POWER, power));
        double logScale = (sy - power * sx) / sw;
        // the upper edge of the last bin used: leads beyond it were never seen
        return new ModelSelection.ErrorGrowth(Math.exp(logScale), power, unit, unit * Math.pow(2, last + 1));
    }
}
