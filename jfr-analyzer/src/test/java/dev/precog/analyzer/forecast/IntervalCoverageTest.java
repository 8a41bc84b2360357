package dev.precog.analyzer.forecast;

import static org.assertj.core.api.Assertions.assertThat;

import dev.precog.analyzer.timeline.Series;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The intervals cover what they claim: many simulated series of the kinds a JVM produces, each
 * forecast from its first part and scored against what followed. Coverage far from nominal, in
 * either direction, fails.
 */
class IntervalCoverageTest {

    private static final int SERIES = 150;
    private static final int HISTORY = 120;
    private static final int FUTURE = 40;

    private interface Process {
        double[] generate(Random r, int n);
    }

    @Test
    void trendWithWhiteNoise() {
        assertCoverage(new Random(1), (r, n) -> {
            double slope = r.nextDouble() * 2;
            double[] v = new double[n];
            for (int i = 0; i < n; i++) {
                v[i] = 1000 + slope * i + 10 * r.nextGaussian();
            }
            return v;
        });
    }

    @Test
    void levelWithAutocorrelatedNoise() {
        assertCoverage(new Random(2), (r, n) -> {
            double[] v = new double[n];
            double e = 0;
            for (int i = 0; i < n; i++) {
                e = 0.6 * e + 10 * r.nextGaussian();
                v[i] = 500 + e;
            }
            return v;
        });
    }

    /**
     * A random walk is the hard case: the backtest sees one stretch of one path, the model that
     * happened to fit it best is chosen, and the bands come out narrower than the walk's spread
     * (about 0.68 and 0.85 here, against 0.80 and 0.95). The bound records that limit, also stated in
     * docs/forecast-accuracy.md, so a change that makes it worse fails.
     */
    @Test
    void randomWalkWithDrift() {
        assertCoverage(new Random(3), (r, n) -> {
            double[] v = new double[n];
            double x = 200;
            for (int i = 0; i < n; i++) {
                x += 0.5 + 3 * r.nextGaussian();
                v[i] = x;
            }
            return v;
        }, 0.62, 0.78);
    }

    private static void assertCoverage(Random r, Process p) {
        assertCoverage(r, p, 0.70, 0.88);
    }

    private static void assertCoverage(Random r, Process p, double min80, double min95) {
        int in80 = 0;
        int in95 = 0;
        int total = 0;
        for (int s = 0; s < SERIES; s++) {
            double[] all = p.generate(r, HISTORY + FUTURE);
            double[] t = new double[HISTORY];
            double[] v = new double[HISTORY];
            for (int i = 0; i < HISTORY; i++) {
                t[i] = 10.0 * i;
                v[i] = all[i];
            }
            double[] x = SeriesForecaster.relativeTimes(new Series(t, v));
            ModelSelection selection = ModelSelection.select(x, v);
            ForecastModel.Fit fit = selection.model().fit(x, v);
            // every tenth step of the simulated future, as the reported points' bands are built
            for (int lead = 4; lead <= FUTURE; lead += 4) {
                double error = Math.abs(all[HISTORY - 1 + lead] - fit.valueAt(10.0 * lead));
                double sigma = selection.sigma(fit, 10.0 * lead);
                total++;
                in80 += error <= selection.k80() * sigma ? 1 : 0;
                in95 += error <= selection.k95() * sigma ? 1 : 0;
            }
        }
        assertThat(total).isEqualTo(SERIES * FUTURE / 4);
        double c80 = (double) in80 / total;
        double c95 = (double) in95 / total;
        assertThat(c80).as("80%% coverage %.3f over %d", c80, total).isBetween(min80, 0.90);
        assertThat(c95).as("95%% coverage %.3f over %d", c95, total).isBetween(min95, 0.99);
    }
}
