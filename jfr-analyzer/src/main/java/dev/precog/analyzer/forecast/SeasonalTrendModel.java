package dev.precog.analyzer.forecast;

import dev.precog.analyzer.stats.Median;
import dev.precog.analyzer.stats.Periodogram;
import dev.precog.analyzer.stats.TheilSen;

/**
 * A robust line plus a repeating cycle (batches, hourly jobs, daily load), fitted by the
 * least-squares {@link Periodogram} on what the line leaves. Only tried once the history holds
 * at least three cycles, and declined when no cycle explains a good share of the residuals.
 */
final class SeasonalTrendModel implements ForecastModel {

    static final String NAME = "seasonal-trend";

    static final int MIN_POINTS = 30;
    static final double MIN_CYCLES = 3;
    static final double MIN_POINTS_PER_CYCLE = 4;
    /** Share of the residual sum of squares the cycle must explain to be used at all. */
    static final double MIN_POWER = 0.3;
    private static final double OVERSAMPLING = 4;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public int minPoints() {
        return MIN_POINTS;
    }

    @Override
    public Fit fit(double[] x, double[] v) {
        int n = v.length;
        TheilSen line = TheilSen.fit(x, v, 0.95);
        double[] r = new double[n];
        double mean = 0;
        for (int i = 0; i < n; i++) {
            r[i] = v[i] - line.valueAt(x[i]);
            mean += r[i] / n;
        }
        double total = 0;
        for (int i = 0; i < n; i++) {
            r[i] -= mean;
            total += r[i] * r[i];
        }
        double span = x[n - 1] - x[0];
        double lowest = MIN_CYCLES / span;
        double highest = 1 / (MIN_POINTS_PER_CYCLE * ForecastModel.meanStep(x));
        if (total <= 0 || highest <= lowest) {
            return null;
        }
        Periodogram.Cycle cycle = Periodogram.best(x, r, total, lowest, highest, 1 / (OVERSAMPLING * span));
        if (cycle == null || cycle.power() < MIN_POWER) {
            return null;
        }
        double[] rest = new double[n];
        for (int i = 0; i < n; i++) {
            rest[i] = r[i] - cycle.valueAt(x[i]);
        }
        double scale = Median.spreadAbout(rest, 0);
        Fit trend = LinearTrendModel.fitOf(line, x, rest, scale);
        double offset = mean;
        return new Fit() {
            @Override
            public double valueAt(double lead) {
                return trend.valueAt(lead) + offset + cycle.valueAt(lead);
            }

            @Override
            public double sigmaAt(double lead) {
                return trend.sigmaAt(lead);
            }

            @Override
            public double slope() {
                return trend.slope();
            }
        };
    }
}
