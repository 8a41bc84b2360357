package dev.precog.it.accuracy;

import java.util.List;

/**
 * How many series a perfectly calibrated forecaster would have far from nominal by chance alone,
 * under the page's own test ({@link AccuracyTable#far}): each origin one trial whose points fall
 * inside the 80% band with probability 0.8, inside the 95% band only with 0.15, outside both with
 * 0.05. With dozens of series each tested twice at 5%, a few are called far with nothing wrong;
 * the page says how many, so a reader can tell a count that means something from one that does not.
 * It is a floor: the origins of one series are not independent trials, and for a series that
 * wanders a calibrated forecaster is called far several times as often ({@link FarTestCalibration}).
 */
final class ChanceOfFar {

    private static final double INSIDE_80 = AccuracyTable.NOMINAL_80.rate();
    private static final double BETWEEN = AccuracyTable.NOMINAL_95.rate() - INSIDE_80;
    private static final double OUTSIDE_95 = 1 - AccuracyTable.NOMINAL_95.rate();

    private ChanceOfFar() {}

    /** The expected number of far series among {@code series} that a calibrated forecaster would have. */
    static double expected(List<SeriesAccuracy> series) {
        double sum = 0;
        for (SeriesAccuracy s : series) {
            if (AccuracyTable.judged(s) && s.origins() != null && s.origins() > 0) {
                sum += probability(Math.toIntExact(s.origins()));
            }
        }
        return sum;
    }

    /**
     * The probability that a calibrated forecaster's series with {@code origins} trials is far from
     * nominal at 80%, at 95% or both: the exact sum over how many origins fall inside each band.
     */
    static double probability(int origins) {
        double p = 0;
        for (int in80 = 0; in80 <= origins; in80++) {
            for (int in95 = in80; in95 <= origins; in95++) {
                boolean far = AccuracyTable.far((double) in80 / origins, AccuracyTable.NOMINAL_80,
                        (long) AccuracyTable.MIN_FORECASTS, (long) origins)
                        || AccuracyTable.far((double) in95 / origins, AccuracyTable.NOMINAL_95,
                                (long) AccuracyTable.MIN_FORECASTS, (long) origins);
                if (far) {
                    p += Math.exp(logMultinomial(origins, in80, in95 - in80, origins - in95));
                }
            }
        }
        return p;
    }

    private static double logMultinomial(int n, int a, int b, int c) {
        return logFactorial(n) - logFactorial(a) - logFactorial(b) - logFactorial(c)
                + a * Math.log(INSIDE_80) + b * Math.log(BETWEEN) + c * Math.log(OUTSIDE_95);
    }

    private static double logFactorial(int n) {
        double sum = 0;
        for (int i = 2; i <= n; i++) {
            sum += Math.log(i);
        }
        return sum;
    }
}
