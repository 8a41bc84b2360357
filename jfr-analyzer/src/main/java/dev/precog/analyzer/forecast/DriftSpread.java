package dev.precog.analyzer.forecast;

/**
 * How far a series strays from a model's path over a lead, measured on every pair of points of
 * its whole history rather than on a dozen backtest origins: for each lag, the series' change
 * minus the change the fitted model expects over that lag. A flat series that creeps, or a line
 * whose slope wanders, shows here long before the backtest's few origins catch it, and the bands
 * widen with the lead as the history says they must.
 *
 * <p>Only for models whose expected change over a lag is the same wherever it starts (a level, a
 * line, a damped trend); a cycle's or an exponential's is not, and their own sigmas carry it.
 */
final class DriftSpread {

    /** Lags up to this share of the history are measured; longer ones are extrapolated by the law. */
    static final double MAX_LAG_SHARE = 0.5;

    private DriftSpread() {}

    /**
     * The spread of a forecast error against the lead, or null when the model does not qualify,
     * declines the history, or the lags are too few. The noise of one point is counted once, not
     * twice as a difference of two points would: the variance at lag {@code h} is the pairs' mean
     * square less half that of the shortest lag, and never under that half or the points' variance
     * about the model, whichever is smaller.
     */
    static ModelSelection.ErrorGrowth of(ForecastModel model, double[] x, double[] v, double unit) {
        if (!model.steadyIncrements() || v.length < model.minPoints()) {
            return null;
        }
        ForecastModel.Fit fit = model.fit(x, v);
        if (fit == null) {
            return null;
        }
        int n = v.length;
        double maxLag = MAX_LAG_SHARE * (x[n - 1] - x[0]);
        double now = fit.valueAt(0);
        LeadBins bins = new LeadBins(unit);
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n && x[j] - x[i] <= maxLag; j++) {
                double lag = x[j] - x[i];
                double d = v[j] - v[i] - (fit.valueAt(lag) - now);
                bins.add(lag, d * d);
            }
        }
        double[] m = bins.robustVariances();
        double noise = Double.NaN;
        for (double b : m) {
            if (!Double.isNaN(b)) {
                noise = b / 2;
                break;
            }
        }
        if (Double.isNaN(noise)) {
            return null;
        }
        // a series that zigzags (each point's deviation undone by the next) has a shortest-lag
        // spread above twice its noise; one point never strays further than it does from the model
        double[] squares = new double[n];
        for (int i = 0; i < n; i++) {
            double r = v[i] - fit.valueAt(x[i]);
            squares[i] = r * r;
        }
        double floor = Math.min(noise, LeadBins.robustVariance(squares));
        for (int b = 0; b < m.length; b++) {
            if (!Double.isNaN(m[b])) {
                m[b] = Math.max(floor, m[b] - noise);
            }
        }
        return bins.powerLaw(m, 2);
    }
}
