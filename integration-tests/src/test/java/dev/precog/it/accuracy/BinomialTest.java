package dev.precog.it.accuracy;

/** The exact two-sided binomial test: how likely a count at least this far from the expected one is by chance. */
final class BinomialTest {

    private BinomialTest() {}

    /**
     * The probability, with {@code n} trials each a success with probability {@code p}, of a count
     * no more likely than {@code successes}: the usual two-sided p-value. Computed in logarithms, so
     * hundreds of trials at 95% neither underflow nor lose the tail.
     */
    static double twoSidedP(int successes, int n, double p) {
        if (n <= 0 || successes < 0 || successes > n || !(p > 0 && p < 1)) {
            throw new IllegalArgumentException(successes + " of " + n + " at " + p);
        }
        double[] log = new double[n + 1];
        log[0] = n * Math.log1p(-p);
        double odds = Math.log(p) - Math.log1p(-p);
        for (int k = 0; k < n; k++) {
            log[k + 1] = log[k] + Math.log(n - k) - Math.log(k + 1) + odds;
        }
        double observed = log[successes];
        double sum = 0;
        for (double l : log) {
            // a relative slack, so a count exactly as likely as the observed one is not lost to rounding
            if (l <= observed + 1e-9 * Math.abs(observed)) {
                sum += Math.exp(l);
            }
        }
        return Math.min(1, sum);
    }
}
