package dev.precog.analyzer.forecast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.precog.analyzer.timeline.Series;
import dev.precog.model.Forecast;
import dev.precog.model.ForecastPoint;
import dev.precog.model.Unit;
import java.util.List;
import java.util.Random;
import java.util.function.IntToDoubleFunction;
import org.junit.jupiter.api.Test;

class SeriesForecasterTest {

    private static final double STEP = 10;

    private static Series series(int n, IntToDoubleFunction value) {
        return EvenSeries.of(n, STEP, value);
    }

    private static Forecast forecast(Series s, double threshold, boolean rising, Boolean confirmed) {
        ForecastTarget target = new ForecastTarget("test.metric", Unit.COUNT, s, threshold, "test limit", rising, confirmed, 0,
                Double.MAX_VALUE, SeriesForecaster.horizon(s));
        return SeriesForecaster.forecast(target, ModelSelection.select(SeriesForecaster.relativeTimes(s), s.values()));
    }

    @Test
    void steadyRiseIsALineThatReachesTheLimitWithinItsBounds() {
        Random r = new Random(11);
        // 1 unit per 10 s from 100, noise sd 2: the limit 300 is 200 - 119 = 81 steps (810 s) past the last point
        Series s = series(120, i -> 100 + i + 2 * r.nextGaussian());

        Forecast f = forecast(s, 300, true, null);

        assertThat(f.model()).isIn("theil-sen-linear", "damped-trend");
        assertThat(f.timeToThresholdSeconds()).isCloseTo(810, within(60.0));
        assertThat(f.timeToThresholdLowSeconds()).isLessThan(f.timeToThresholdSeconds());
        assertThat(f.timeToThresholdHighSeconds()).isGreaterThan(f.timeToThresholdSeconds());
        assertThat(f.models()).filteredOn(Forecast.ModelScore::chosen).hasSize(1);
        assertThat(f.models()).filteredOn(m -> m.model().equals("level"))
                .allSatisfy(m -> assertThat(m.backtestMeanAbsoluteError()).isGreaterThan(10));
        for (ForecastPoint p : f.points()) {
            assertThat(p.low()).isLessThanOrEqualTo(p.low80());
            assertThat(p.low80()).isLessThanOrEqualTo(p.value());
            assertThat(p.value()).isLessThanOrEqualTo(p.high80());
            assertThat(p.high80()).isLessThanOrEqualTo(p.high());
        }
    }

    @Test
    void noiseAroundALevelNeverClaimsACrossing() {
        Random r = new Random(5);
        Series s = series(120, i -> 500 + 20 * r.nextGaussian());

        Forecast f = forecast(s, 560, true, null);

        assertThat(f.timeToThresholdSeconds()).isNull();
        assertThat(f.timeToThresholdLowSeconds()).isNull();
        assertThat(f.firstDetectedAt()).isNull();
        // the 95% band is about two standard deviations wide on each side, not a hair's breadth
        ForecastPoint first = f.points().get(0);
        assertThat(first.high() - first.value()).isBetween(25.0, 80.0);
    }

    @Test
    void aSeriesThatNeverMovesHasFiniteBands() {
        // a thread count that stays at 42, and one that moves by one thread now and then
        Series flat = series(120, i -> 42);
        Series steps = series(120, i -> i % 30 == 0 ? 43 : 42);

        for (Series s : new Series[] {flat, steps}) {
            Forecast f = forecast(s, 4096, true, null);
            assertThat(f.timeToThresholdSeconds()).isNull();
            assertThat(f.points()).allSatisfy(p -> {
                assertThat(Double.isFinite(p.low()) && Double.isFinite(p.high())).isTrue();
                assertThat(p.high() - p.low()).isLessThan(10);
            });
        }
    }

    @Test
    void aRampThatLevelsOffIsNotExtrapolatedToTheLimit() {
        Random r = new Random(7);
        // warm-up that approaches 1000 with a 300 s time constant; a straight line through it would reach 1300 soon
        Series s = series(120, i -> 1000 - 800 * Math.exp(-STEP * i / 300) + 3 * r.nextGaussian());

        Forecast f = forecast(s, 1300, true, null);

        assertThat(f.model()).isIn("damped-trend", "level");
        assertThat(f.timeToThresholdSeconds()).isNull();
        assertThat(f.points().get(11).value()).isCloseTo(1000, within(40.0));
    }

    @Test
    void aCycleAroundATrendIsForecastAsACycle() {
        Random r = new Random(3);
        // a 200 s batch cycle of amplitude 50 over a slow rise, six cycles seen
        Series s = series(120, i -> 300 + 0.2 * i + 50 * Math.sin(2 * Math.PI * STEP * i / 200) + 3 * r.nextGaussian());

        Forecast f = forecast(s, 1e6, true, null);

        assertThat(f.model()).isEqualTo("seasonal-trend");
        // the next peak: the cycle's phase at lead 50 s past the last point (index 119 + 5)
        double truePeak = 300 + 0.2 * 124 + 50 * Math.sin(2 * Math.PI * STEP * 124 / 200);
        ForecastTarget target = new ForecastTarget("m", Unit.COUNT, s, 1e6, "x", true, null, 0, Double.MAX_VALUE, 600);
        double[] x = SeriesForecaster.relativeTimes(s);
        assertThat(new SeasonalTrendModel().fit(x, s.values()).valueAt(50)).isCloseTo(truePeak, within(10.0));
        assertThat(target.metric()).isEqualTo("m");
    }

    @Test
    void aSteadyHeapsBandsLeaveRoomForItsSurvivorSpacesToGrow() {
        Random r = new Random(5);
        // 75 MB of heap after GC, steady to a few kilobytes for 40 windows, as in the step workload
        // before one collection's survivors grew by 0.43 MB (0.87 to 1.3 MB)
        Series s = series(40, i -> 75e6 + 5e3 * r.nextGaussian());
        ForecastTarget target = new ForecastTarget("heap.usedAfterGc", Unit.BYTES, s, 1e9, "max heap", true, null, 0, 1e9,
                SeriesForecaster.horizon(s));
        ModelSelection selection = ModelSelection.select(SeriesForecaster.relativeTimes(s), s.values());

        ForecastPoint fromHistory = SeriesForecaster.forecast(target, selection).points().get(0);
        ForecastPoint heap = SeriesForecaster.forecast(target.withLevelShare(HeapLiveSetForecaster.SURVIVOR_SHARE), selection)
                .points().get(0);

        double grown = 75e6 + 0.43e6;
        assertThat(fromHistory.high()).as("the history alone: sure to a few tens of kilobytes").isLessThan(75.1e6);
        assertThat(heap.high()).as("95%").isGreaterThan(grown);
        assertThat(heap.low()).isLessThan(75e6 - 0.4e6);
        assertThat(heap.high80()).as("80%: +-0.38% of the level").isBetween(75.25e6, grown);
        assertThat(heap.value()).isEqualTo(fromHistory.value());
    }

    @Test
    void aBacklogThatFeedsOnItselfIsForecastAsExponentialWhereTheHeapTriesIt() {
        Random r = new Random(13);
        // 100 MB of live heap plus a backlog of 2 MB growing 0.5% a second (seven doublings in the history)
        Series s = series(100, i -> 100 + 2 * Math.exp(0.05 * i) + r.nextGaussian());
        double[] x = SeriesForecaster.relativeTimes(s);
        List<ForecastModel> withExponential = new java.util.ArrayList<>(ModelSelection.CANDIDATES);
        withExponential.add(new ExponentialTrendModel());
        ForecastTarget target = new ForecastTarget("heap", Unit.BYTES, s, 10_000, "max heap", true, true, 0, 10_000,
                SeriesForecaster.MAX_HORIZON_SECONDS);

        Forecast f = SeriesForecaster.forecast(target, ModelSelection.select(x, s.values(), withExponential));

        assertThat(f.model()).isEqualTo("exponential-trend");
        // 2 e^(0.005 t) = 10,000 - 100 from t = ln(4,950) / 0.005 = 1,704 s: about 714 s past the last point
        double truth = Math.log((10_000 - 100) / 2.0) / 0.005 - 990;
        assertThat(f.timeToThresholdSeconds()).isCloseTo(truth, within(0.1 * truth));
        assertThat(f.timeToThresholdLowSeconds()).isLessThanOrEqualTo(f.timeToThresholdSeconds());
        assertThat(f.points()).allSatisfy(p -> assertThat(Double.isFinite(p.high()) && Double.isFinite(p.value())).isTrue());
        // the default candidates (every metric but the heap) have no exponential
        assertThat(ModelSelection.select(x, s.values()).model().name()).isNotEqualTo("exponential-trend");
    }

    @Test
    void aFallingFloorIsReachedFromAbove() {
        Random r = new Random(9);
        Series s = series(100, i -> 8000 - 20 * i + 10 * r.nextGaussian());

        Forecast f = forecast(s, 1000, false, null);

        assertThat(f.direction()).isEqualTo("falling");
        // 6020 at the last point, 5020 above the floor at -2 per second
        assertThat(f.timeToThresholdSeconds()).isCloseTo(2510, within(150.0));
    }

    @Test
    void aDetectorThatSeesNoGrowthOverrulesTheTrend() {
        Series s = series(60, i -> 100 + i);

        assertThat(forecast(s, 200, true, false).timeToThresholdSeconds()).isNull();
        assertThat(forecast(s, 200, true, true).timeToThresholdSeconds()).isNotNull();
    }

    @Test
    void theHorizonGrowsWithTheHistoryUpToAWeek() {
        assertThat(SeriesForecaster.horizon(series(5, i -> i))).isEqualTo(600);
        assertThat(SeriesForecaster.horizon(series(120, i -> i))).isEqualTo(11_900);
        assertThat(SeriesForecaster.horizon(new Series(new double[] {0, 30 * 86_400}, new double[] {1, 2})))
                .isEqualTo(7 * 86_400);
    }

    @Test
    void aCrossingPastTheHorizonIsNotClaimed() {
        // 1 per 10 s from 0: the limit 100000 is ~10^6 s away, the horizon is 10 x 1190 s
        Series s = series(120, i -> i);

        Forecast f = forecast(s, 100_000, true, null);

        assertThat(f.slopePerSecond()).isCloseTo(0.1, within(0.01));
        assertThat(f.timeToThresholdSeconds()).isNull();
    }

    /**
     * Six points (50 s) of a falling host metric, 1 a second: the shown horizon is ten minutes, but
     * a crossing 550 s out is eleven times the history and is not claimed; one 300 s out is.
     */
    @Test
    void aShortHistoryClaimsNoCrossingPastTenTimesItself() {
        Series s = series(6, i -> 10_000 - 10 * i);

        assertThat(forecast(s, 9950 - 550, false, null).timeToThresholdSeconds()).isNull();
        assertThat(forecast(s, 9950 - 300, false, null).timeToThresholdSeconds()).isCloseTo(300, within(30.0));
        // a growth a detector confirmed keeps the whole horizon
        assertThat(forecast(s, 9950 - 550, false, true).timeToThresholdSeconds()).isCloseTo(550, within(55.0));
    }

    @Test
    void aChosenModelThatDeclinesTheHistoryGivesWayToTheMetricsOwnFallback() {
        // chosen while it held a cycle, the seasonal model then meets a plain level: no cycle to fit
        Random r = new Random(9);
        Series s = series(60, i -> 0.3 + 0.01 * r.nextGaussian());
        ForecastTarget cpu = new ForecastTarget("cpu.jvmTotal", Unit.RATIO, s, 0.9, "90% of all CPUs", true, null, 0, 1, 600);
        ModelSelection seasonal = ModelSelection.select(SeriesForecaster.relativeTimes(s), s.values(), CpuForecaster.CANDIDATES)
                .withModel(new SeasonalTrendModel());
        assertThat(new SeasonalTrendModel().fit(SeriesForecaster.relativeTimes(s), s.values())).as("declines").isNull();

        // the CPU is never forecast by the line it was denied
        assertThat(SeriesForecaster.fit(cpu, seasonal, ModelSelection.fallback(CpuForecaster.CANDIDATES)).selection().model())
                .isInstanceOf(DampedTrendModel.class);
        assertThat(SeriesForecaster.fit(cpu, seasonal).selection().model()).as("the standard candidates' fallback")
                .isInstanceOf(LinearTrendModel.class);
    }
}
