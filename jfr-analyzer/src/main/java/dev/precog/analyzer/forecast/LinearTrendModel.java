package dev.precog.analyzer.forecast;

import dev.precog.analyzer.stats.Median;
import dev.precog.analyzer.stats.TheilSen;

/**
 * A robust straight line (Theil–Sen): outliers such as a GC that ran late move it little. What
 * the line leaves is rarely independent noise (the floor of the heap after young collections
 * wanders), so the residuals are taken as AR(1): the current deviation fades into the forecast
 * at their lag-one autocorrelation, and the slope's and level's uncertainty grow by the variance
 * inflation that autocorrelation implies. The error grows with the lead by the slope's uncertainty.
 */
final class LinearTrendModel implements ForecastModel {

    static final String NAME = "theil-sen-linear";

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
        return 5;
    }

    /** Autocorrelation is capped here: beyond it the residuals are a random walk the line cannot describe. */
    static final double MAX_AUTOCORRELATION = 0.95;

    @Override
    public Fit fit(double[] x, double[] v) {
        TheilSen line = TheilSen.fit(x, v, 0.95);
        double[] r = new double[v.length];
        for (int i = 0; i < r.length; i++) {
            r[i] = v[i] - line.valueAt(x[i]);
        }
        return fitOf(line, x, r, line.residualScale());
    }

    /**
     * The line's forecast given its residuals {@code r} (what remains after the line, and the cycle
     * for the seasonal model) of robust scale {@code scale}.
     */
    static Fit fitOf(TheilSen line, double[] x, double[] r, double scale) {
        int n = x.length;
        double rho = autocorrelation(r);
        double inflation = Math.sqrt((1 + rho) / (1 - rho));
        double last = r[n - 1] - Median.of(r);
        double step = ForecastModel.meanStep(x);
        // Sen's 95% slope interval as a standard error, widened for correlated residuals
        double slopeSe = inflation * Math.max(0, line.slopeHigh() - line.slopeLow()) / (2 * 1.96);
        double meanX = 0;
        for (double xi : x) {
            meanX += xi / n;
        }
        double centre = meanX;
        double level = line.valueAt(0);
        double levelShare = inflation * inflation / n;
        return new Fit() {
            @Override
            public double valueAt(double lead) {
                return level + line.slope() * lead + Math.pow(rho, Math.max(0, lead) / step) * last;
            }

            @Override
            public double sigmaAt(double lead) {
                double fromSlope = slopeSe * (lead - centre);
                double fading = 1 - Math.pow(rho, 2 * Math.max(0, lead) / step);
                return Math.sqrt(scale * scale * (Math.max(fading, 1 - rho * rho) + levelShare) + fromSlope * fromSlope);
            }

            @Override
            public double slope() {
                return line.slope();
            }
        };
    }

    /** Lag-one autocorrelation of {@code r}, between 0 and {@link #MAX_AUTOCORRELATION}. */
    static double autocorrelation(double[] r) {
        int n = r.length;
        double mean = 0;
        for (double e : r) {
            mean += e / n;
        }
        double num = 0;
        double den = 0;
        for (int i = 0; i < n; i++) {
            den += (r[i] - mean) * (r[i] - mean);
            if (i > 0) {
                num += (r[i] - mean) * (r[i - 1] - mean);
            }
        }
        return den <= 0 ? 0 : Math.max(0, Math.min(MAX_AUTOCORRELATION, num / den));
    }
}
