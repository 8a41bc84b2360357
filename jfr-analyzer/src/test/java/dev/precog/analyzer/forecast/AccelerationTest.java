package dev.precog.analyzer.forecast;

import static org.assertj.core.api.Assertions.assertThat;

import dev.precog.analyzer.timeline.Series;
import dev.precog.model.Forecast;
import dev.precog.model.ForecastPoint;
import dev.precog.model.Unit;
import java.util.Random;
import java.util.function.IntToDoubleFunction;
import org.junit.jupiter.api.Test;

class AccelerationTest {

    private static final double STEP = 10;

    private static Series series(int n, IntToDoubleFunction value) {
        return EvenSeries.of(n, STEP, value);
    }

    private static Forecast forecast(Series s) {
        ForecastTarget target = new ForecastTarget("heap.usedAfterGc", Unit.BYTES, s, 1e12, "max heap", true, null, 0, 1e12,
                SeriesForecaster.horizon(s));
        return SeriesForecaster.forecast(target, ModelSelection.select(SeriesForecaster.relativeTimes(s), s.values()));
    }

    /** Whether the acceleration raises the upper bands of a line fitted to {@code s}. */
    private static boolean bendsPastALine(Series s) {
        double[] x = SeriesForecaster.relativeTimes(s);
        ForecastModel.Fit line = new LinearTrendModel().fit(x, s.values());
        return Acceleration.of(x, s.values(), line, Unit.BYTES, Double.POSITIVE_INFINITY) != ForecastTarget.Allowance.NONE;
    }

    /** The 95% upper band reaches {@code path} (continued past the history's last step) for two history spans. */
    private static void assertUpperBandReaches(Forecast f, Series s, IntToDoubleFunction path) {
        int last = s.size() - 1;
        for (ForecastPoint p : f.points()) {
            double lead = p.at().getEpochSecond() - s.lastTime();
            if (lead <= 2 * s.spanSeconds()) {
                assertThat(p.high()).as("95%% upper band %.0f s ahead", lead)
                        .isGreaterThanOrEqualTo(path.applyAsDouble((int) Math.round(last + lead / STEP)));
            }
        }
    }

    /** The first two minutes of a retry backlog: nearly a line, but where it goes is the curve. */
    @Test
    void anEarlyBacklogsUpperBandsReachWhereItGoes() {
        Random r = new Random(7);
        IntToDoubleFunction backlog = i -> 100 + 20 * Math.exp(0.08 * i);
        Series s = series(12, i -> backlog.applyAsDouble(i) + 0.3 * r.nextGaussian());

        Forecast f = forecast(s);

        assertThat(f.model()).isNotEqualTo(ExponentialTrendModel.NAME);
        assertThat(f.adjustment()).contains("acceleration");
        assertUpperBandReaches(f, s, backlog);
        // the point forecast and the lower bands stay the line's
        assertThat(f.points()).allSatisfy(p -> assertThat(p.value()).isLessThan(p.high80()));
    }

    /**
     * What raised the bands is said from the fit, not from the target it was made for: the acceleration is
     * found while fitting, and the backtest's detail, which read the target, said nothing of it.
     */
    @Test
    void theBandsSayTheAccelerationTheFitFoundThoughTheTargetHadNoAllowance() {
        Random r = new Random(7);
        Series s = series(12, i -> 100 + 20 * Math.exp(0.08 * i) + 0.3 * r.nextGaussian());
        ForecastTarget target = new ForecastTarget("heap.usedAfterGc", Unit.BYTES, s, 1e12, "max heap", true, null, 0, 1e12,
                SeriesForecaster.horizon(s));

        SeriesForecaster.Fitted fitted = SeriesForecaster.fit(target,
                ModelSelection.select(SeriesForecaster.relativeTimes(s), s.values()));

        assertThat(target.above().describe(target.horizonSeconds())).isNull();
        assertThat(fitted.adjustment(target.horizonSeconds())).contains("acceleration");
    }

    /**
     * Past the limit the bands are clipped, so the words stop there too: when the raised trend reaches the
     * maximum heap and what the curve adds by then, not the terabytes an exponential carried for minutes would
     * add to a heap of megabytes. Without a limit in reach, what it adds by the last point.
     */
    @Test
    void theAccelerationIsToldUpToTheLimit() {
        double mb = 1024.0 * 1024;
        Random r = new Random(7);
        Series s = series(12, i -> mb * (100 + 20 * Math.exp(0.08 * i) + 0.3 * r.nextGaussian()));
        ModelSelection selection = ModelSelection.select(SeriesForecaster.relativeTimes(s), s.values());
        ForecastTarget capped = new ForecastTarget("heap.usedAfterGc", Unit.BYTES, s, 256 * mb, "max heap", true, null, 0,
                256 * mb, SeriesForecaster.horizon(s));
        ForecastTarget unbounded = new ForecastTarget("heap.usedAfterGc", Unit.BYTES, s, 1e15, "max heap", true, null, 0, 1e15,
                SeriesForecaster.horizon(s));

        String told = SeriesForecaster.forecast(capped, selection).adjustment();
        String beyond = SeriesForecaster.forecast(unbounded, selection).adjustment();

        assertThat(told).startsWith("upper bands raised by the history's acceleration, to the limit (256.0 MB) ")
                .matches(".* ahead: [0-9.]+ MB above the trend by then");
        assertThat(beyond).startsWith("upper bands raised by the history's acceleration: ").endsWith(" above the trend by the last point")
                .doesNotContain(" MB ");
    }

    /** Its first ninety seconds, ten points that look like a line, already tell where it goes. */
    @Test
    void aBacklogsFirstTenPointsAreEnough() {
        IntToDoubleFunction backlog = i -> 100 + 20 * Math.exp(0.08 * i);
        int caught = 0;
        for (int seed = 0; seed < 20; seed++) {
            Random r = new Random(seed);
            Series s = series(10, i -> backlog.applyAsDouble(i) + 1.0 * r.nextGaussian());
            if (bendsPastALine(s)) {
                caught++;
            }
        }
        assertThat(caught).as("backlogs of ten points seen bending, of 20").isGreaterThanOrEqualTo(16);
    }

    /**
     * A backlog whose rate itself rises (retries feeding more retries): the exponential fitted to
     * its first minutes falls short, so the upper bands carry that fit's own uncertainty too.
     */
    @Test
    void anEarlyBacklogWhoseRateRisesStaysInsideTheUpperBand() {
        Random r = new Random(11);
        IntToDoubleFunction backlog = i -> 100 + 20 * Math.exp(0.06 * i + 0.0015 * i * i);
        Series s = series(12, i -> backlog.applyAsDouble(i) + 1.0 * r.nextGaussian());

        Forecast f = forecast(s);

        assertThat(f.adjustment()).contains("acceleration");
        assertUpperBandReaches(f, s, backlog);
    }

    /**
     * A host's CPU falls after a burst and comes back to its usual level: that curves upwards too,
     * but bottoms out inside the history, and an exponential fitted to its recovery would put the
     * upper band at every CPU within a minute.
     */
    @Test
    void aDipAndARecoveryIsNoAcceleration() {
        Random r = new Random(12);
        Series s = series(17, i -> 0.03 + 0.0004 * (i - 8) * (i - 8) + 0.002 * r.nextGaussian());
        double[] x = SeriesForecaster.relativeTimes(s);

        ForecastModel.Fit level = new LevelModel().fit(x, s.values());

        assertThat(Acceleration.of(x, s.values(), level, Unit.RATIO, Double.POSITIVE_INFINITY)).isSameAs(ForecastTarget.Allowance.NONE);
    }

    /**
     * Noisy straight lines, short and long: a bend believed in error widens a line's upper bands,
     * so it must stay rare (the test's 5% level, a little more where a handful of points estimate
     * the curvature's own noise).
     */
    @Test
    void straightLinesAreRarelyTakenForABend() {
        for (int n : new int[] {10, 20, 60}) {
            int raised = 0;
            for (int seed = 0; seed < 400; seed++) {
                Random r = new Random(seed);
                Series s = series(n, i -> 100 + 2 * i + 3 * r.nextGaussian());
                if (bendsPastALine(s)) {
                    raised++;
                }
            }
            assertThat(raised).as("straight lines of %d points taken for a bend, of 400", n).isLessThanOrEqualTo(48);
        }
    }

    /** A cache warming up rises ever slower: that bends away from the limit, nothing is added. */
    @Test
    void aCurveFlatteningOutAddsNothing() {
        Random r = new Random(9);
        Series s = series(40, i -> 300 - 200 * Math.exp(-0.08 * i) + r.nextGaussian());
        double[] x = SeriesForecaster.relativeTimes(s);

        ForecastModel.Fit line = new LinearTrendModel().fit(x, s.values());

        assertThat(Acceleration.of(x, s.values(), line, Unit.BYTES, Double.POSITIVE_INFINITY)).isSameAs(ForecastTarget.Allowance.NONE);
    }

    /**
     * The thread leak's count on a recording of 2026-12-06: ten threads a window, one of them
     * ending once. Its residuals about a quadratic are the count's rounding, so a bend of half a
     * thread across the history passed the test, and the exponential fitted to it put the upper
     * 80% band 277 threads over the line two minutes on, where the count grew 240.
     */
    @Test
    void aCountBendingByLessThanOneOfItsStepsIsNoAcceleration() {
        Series s = series(30, i -> 61 + 10 * i - (i >= 10 ? 1 : 0));
        Series bent = series(30, i -> Math.round(61 + 10 * i + 0.01 * i * i));

        assertThat(bendsPastALine(s)).isFalse();
        // a bend of about two threads is still one
        assertThat(bendsPastALine(bent)).isTrue();
    }
}
