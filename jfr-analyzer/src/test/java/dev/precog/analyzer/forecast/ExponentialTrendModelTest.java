package dev.precog.analyzer.forecast;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

class ExponentialTrendModelTest {

    private static final int POINTS = 60;
    private static final double STEP = 5;

    /**
     * A retry backlog whose growth slows as the base dominates less and the rate itself settles:
     * one fit over the whole history looks tight, but the later half alone grows at another rate,
     * and the bands a few minutes out must allow for that.
     */
    @Test
    void aRateThatChangesAcrossTheHistoryWidensTheBands() {
        double steady = sigmaFiveMinutesOut(i -> 0.012);
        double slowing = sigmaFiveMinutesOut(i -> i < POINTS / 2 ? 0.016 : 0.010);

        // the whole-history rate is off by about 0.003/s from the later half's: e^(0.9) five minutes out
        assertThat(slowing).isGreaterThan(2.5 * steady);
    }

    @Test
    void aBacklogWithTheSameRateThroughoutKeepsTightBands() {
        // the growing term is 1 MB to 37 MB with 0.5 MB of noise: its rate is well known, five minutes
        // of compounding leave the band within a tenth of the forecast
        assertThat(sigmaFiveMinutesOut(i -> 0.012)).isLessThan(0.1);
    }

    /** The error scale five minutes out, relative to the forecast there. */
    private static double sigmaFiveMinutesOut(java.util.function.IntToDoubleFunction ratePerSecond) {
        ForecastModel.Fit fit = fit(ratePerSecond);
        return fit.sigmaAt(300) / fit.valueAt(300);
    }

    private static ForecastModel.Fit fit(java.util.function.IntToDoubleFunction ratePerSecond) {
        Random r = new Random(7);
        double[] x = new double[POINTS];
        double[] v = new double[POINTS];
        double exponent = 0;
        for (int i = 0; i < POINTS; i++) {
            exponent += ratePerSecond.applyAsDouble(i) * STEP;
            x[i] = STEP * (i - (POINTS - 1));
            v[i] = 17e6 + 1e6 * Math.exp(exponent) + 0.5e6 * r.nextGaussian();
        }
        ForecastModel.Fit fit = new ExponentialTrendModel().fit(x, v);
        assertThat(fit).isNotNull();
        return fit;
    }
}
