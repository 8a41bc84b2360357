package dev.precog.analyzer.forecast;

import dev.precog.analyzer.stats.Median;

/**
 * No trend: the series stays around its recent level (the median of the last quarter). The
 * baseline every trend model must beat in the backtest before it is believed.
 */
final class LevelModel implements ForecastModel {

    static final String NAME = "level";
    /** Fewest points the spread is measured over, when the history has them. */
    static final int SPREAD_POINTS = 12;

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
        return 4;
    }

    @Override
    public Fit fit(double[] x, double[] v) {
        int n = v.length;
        int recent = Math.max(4, n / 4);
        double[] tail = java.util.Arrays.copyOfRange(v, n - recent, n);
        double level = Median.of(tail);
        // spread around that level of at least SPREAD_POINTS recent points (a median deviation of
        // four points is a guess: two of them sit next to the median by construction), and how far
        // the level itself may be off
        int spread = Math.min(n, Math.max(SPREAD_POINTS, recent));
        double scale = Median.spreadAbout(java.util.Arrays.copyOfRange(v, n - spread, n), level);
        double sigma = Math.sqrt(scale * scale * (1 + 1.0 / recent));
        return new Fit() {
            @Override
            public double valueAt(double lead) {
                return level;
            }

            @Override
            public double sigmaAt(double lead) {
                return sigma;
            }

            @Override
            public double slope() {
                return 0;
            }
        };
    }
}
