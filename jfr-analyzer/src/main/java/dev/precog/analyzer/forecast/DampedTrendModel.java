package dev.precog.analyzer.forecast;

/**
 * Exponential smoothing with a damped trend (Gardner and McKenzie; additive errors, the ETS(A,Ad,N)
 * state-space form): recent points weigh most, and the trend fades, so a ramp that is levelling
 * off (warm-up, a cache filling) is not extrapolated for ever. Points are taken as evenly spaced
 * at their mean spacing; the smoothing parameters minimise the one-step errors over a small grid.
 */
final class DampedTrendModel implements ForecastModel {

    static final String NAME = "damped-trend";

    private static final double[] ALPHAS = {0.05, 0.1, 0.2, 0.35, 0.5, 0.7, 0.9};
    /** Trend smoothing as a share of alpha, so beta never exceeds alpha. */
    private static final double[] BETA_SHARES = {0.02, 0.1, 0.3};
    private static final double[] PHIS = {0.8, 0.9, 0.95, 0.98};
    /** One-step errors before this many points are not scored: the initial state is a guess. */
    private static final int BURN_IN = 3;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public boolean steadyIncrements() {
        return true;
    }

    @Override
    public int minPoints() {
        return 8;
    }

    @Override
    public Fit fit(double[] x, double[] v) {
        double step = ForecastModel.meanStep(x);
        int initial = Math.min(v.length - 1, 4);
        double slope0 = (v[initial] - v[0]) / initial;
        double[] best = null;
        double bestSse = Double.POSITIVE_INFINITY;
        for (double alpha : ALPHAS) {
            for (double share : BETA_SHARES) {
                for (double phi : PHIS) {
                    double[] run = run(v, slope0, alpha, alpha * share, phi);
                    if (run[2] < bestSse) {
                        bestSse = run[2];
                        best = new double[] {alpha, alpha * share, phi, run[0], run[1]};
                    }
                }
            }
        }
        double scored = Math.max(1, v.length - BURN_IN - 3);
        return new DampedFit(best[0], best[1], best[2], best[3], best[4], Math.sqrt(bestSse / scored), step);
    }

    /** {level, trend, sum of squared one-step errors after the burn-in} at the end of {@code v}. */
    private static double[] run(double[] v, double slope0, double alpha, double beta, double phi) {
        double level = v[0];
        double trend = slope0;
        double sse = 0;
        for (int t = 1; t < v.length; t++) {
            double error = v[t] - (level + phi * trend);
            level = level + phi * trend + alpha * error;
            trend = phi * trend + beta * error;
            if (t >= BURN_IN) {
                sse += error * error;
            }
        }
        return new double[] {level, trend, sse};
    }

    private record DampedFit(double alpha, double beta, double phi, double level, double trend, double sigma, double step)
            implements Fit {

        @Override
        public double valueAt(double lead) {
            return level + dampedSum(lead / step) * trend;
        }

        @Override
        public double slope() {
            return phi * trend / step;
        }

        /** phi + phi^2 + ... + phi^h, for a real number of steps h. */
        private double dampedSum(double h) {
            return h <= 0 ? 0 : phi * (1 - Math.pow(phi, h)) / (1 - phi);
        }

        /**
         * sigma^2 (1 + sum_{j=1}^{h-1} c_j^2), c_j = alpha + beta (phi + ... + phi^j), summed in
         * closed form so a week of ten-second steps costs no loop.
         */
        @Override
        public double sigmaAt(double lead) {
            double m = Math.max(0, lead / step - 1);
            double a = phi / (1 - phi);
            double c = alpha + beta * a;
            double sum = m * c * c
                    - 2 * c * beta * a * phi * (1 - Math.pow(phi, m)) / (1 - phi)
                    + beta * beta * a * a * phi * phi * (1 - Math.pow(phi, 2 * m)) / (1 - phi * phi);
            return sigma * Math.sqrt(1 + Math.max(0, sum));
        }
    }
}
