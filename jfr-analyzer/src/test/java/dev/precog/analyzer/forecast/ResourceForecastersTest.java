package dev.precog.analyzer.forecast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.precog.analyzer.detect.AnalysisContext;
import dev.precog.analyzer.timeline.Timeline;
import dev.precog.model.Forecast;
import dev.precog.model.ForecastPoint;
import dev.precog.model.Metric;
import dev.precog.model.Window;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.ObjDoubleConsumer;
import org.junit.jupiter.api.Test;

/**
 * The forecasters of metaspace, resident memory, the memory left and the thread count: which limit
 * each is held against, that none is made without its limit, and when a steady growth reaches it.
 */
class ResourceForecastersTest {

    private static final Instant T0 = Instant.parse("2025-03-01T12:00:00Z");
    private static final double MB = 1024.0 * 1024;
    private static final double GB = 1024 * MB;
    private static final int WINDOWS = 60;

    /** A context of {@link #WINDOWS} 10-second windows, {@code fill} putting window {@code i}'s values. */
    private static AnalysisContext context(WindowValues fill) {
        Random noise = new Random(3);
        Timeline timeline = new Timeline(WINDOWS);
        for (int i = 0; i < WINDOWS; i++) {
            Map<Metric, Double> values = new EnumMap<>(Metric.class);
            fill.put(i, noise.nextGaussian(), values::put);
            Instant start = T0.plusSeconds(10L * i);
            timeline.add(new Window(start, start.plusSeconds(10), values, Map.of(), List.of(), 2));
        }
        return new AnalysisContext(timeline, T0.plusSeconds(10L * WINDOWS), 1L, 4 * (long) GB, null, null);
    }

    /** Puts window {@code window}'s values, {@code gaussian} a standard normal draw for its noise. */
    @FunctionalInterface
    private interface WindowValues {
        void put(int window, double gaussian, ObjDoubleConsumer<Metric> values);
    }

    /** Seconds from the last window's end to when {@code perWindow} a window from {@code last} reaches {@code limit}. */
    private static double secondsUntil(double last, double perWindow, double limit) {
        return (limit - last) / perWindow * 10;
    }

    private static void expectCrossingNear(Forecast f, double seconds) {
        assertThat(f.timeToThresholdSeconds()).isNotNull();
        assertThat(f.timeToThresholdSeconds()).isCloseTo(seconds, within(0.15 * seconds));
        assertThat(f.timeToThresholdLowSeconds()).isLessThanOrEqualTo(f.timeToThresholdSeconds());
        if (f.timeToThresholdHighSeconds() != null) {
            assertThat(f.timeToThresholdHighSeconds()).isGreaterThanOrEqualTo(f.timeToThresholdSeconds());
        }
    }

    @Test
    void metaspaceIsForecastOnlyAgainstMaxMetaspaceSize() {
        // a class-loader leak: 40 MB of metaspace, 0.25 MB more every window, against a 64 MB limit
        AnalysisContext leak = context((i, g, v) -> v.accept(Metric.METASPACE_USED, 40 * MB + 0.25 * MB * i + 0.02 * MB * g));
        MetaspaceForecaster forecaster = new MetaspaceForecaster();

        assertThat(forecaster.forecast(leak)).as("without -XX:MaxMetaspaceSize metaspace has no limit").isEmpty();

        Forecast f = forecaster.forecast(leak.withMetaspaceMaxBytes((long) (64 * MB))).orElseThrow();
        assertThat(f.metric()).isEqualTo("metaspace.used");
        assertThat(f.thresholdSource()).isEqualTo("-XX:MaxMetaspaceSize");
        assertThat(f.direction()).isEqualTo(Forecast.RISING);
        expectCrossingNear(f, secondsUntil(40 * MB + 0.25 * MB * (WINDOWS - 1), 0.25 * MB, 64 * MB));
    }

    /**
     * A class-loader leak as straight as the template leak's recordings: its rate after them was 4–6% off the one
     * they showed, which a line's own slope interval from a history this straight does not allow.
     */
    @Test
    void aMetaspaceLeaksBandsHoldARateFivePercentOff() {
        double perSecond = 0.025 * MB;
        AnalysisContext leak = context((i, g, v) -> v.accept(Metric.METASPACE_USED, 40 * MB + 10 * perSecond * i + 0.002 * MB * g))
                .withMetaspaceMaxBytes((long) (4 * GB));
        MetaspaceForecaster forecaster = new MetaspaceForecaster();
        ForecastTarget target = forecaster.target(leak).orElseThrow();

        Forecast f = forecaster.forecast(target);
        Forecast straight = new MetaspaceForecaster().forecast(target.withRateShare(0));

        assertThat(f.slopePerSecond()).isCloseTo(perSecond, within(0.01 * perSecond));
        assertThat(f.points()).hasSize(SeriesForecaster.POINTS).allSatisfy(p -> {
            double added = p.value() - f.currentValue();
            assertThat(p.low80()).as("a rate 5% slower").isLessThan(f.currentValue() + 0.95 * added);
            assertThat(p.high80()).as("a rate 5% faster").isGreaterThan(f.currentValue() + 1.05 * added);
        });
        ForecastPoint last = straight.points().get(SeriesForecaster.POINTS - 1);
        assertThat(last.low80()).as("the line's own band, without the share")
                .isGreaterThan(straight.currentValue() + 0.95 * (last.value() - straight.currentValue()));
    }

    @Test
    void residentMemoryIsHeldAgainstTheContainersLimitBeforeTheHostsMemory() {
        WindowValues growing = (i, g, v) -> {
            v.accept(Metric.PROCESS_RSS, 600 * MB + 2 * MB * i + 0.1 * MB * g);
            v.accept(Metric.HOST_MEMORY_TOTAL, 16 * GB);
        };
        Forecast onHost = new ProcessRssForecaster().forecast(context(growing)).orElseThrow();
        Forecast inContainer = new ProcessRssForecaster().forecast(context((i, g, v) -> {
            growing.put(i, g, v);
            v.accept(Metric.CONTAINER_MEMORY_LIMIT, GB);
        })).orElseThrow();

        assertThat(onHost.thresholdSource()).isEqualTo("host memory");
        assertThat(onHost.threshold()).isEqualTo(16 * GB);
        assertThat(inContainer.thresholdSource()).isEqualTo("container memory limit");
        assertThat(inContainer.threshold()).isEqualTo(GB);
        expectCrossingNear(inContainer, secondsUntil(600 * MB + 2 * MB * (WINDOWS - 1), 2 * MB, GB));
        assertThat(new ProcessRssForecaster().forecast(context((i, g, v) -> v.accept(Metric.PROCESS_RSS, 600 * MB))))
                .as("no limit known").isEmpty();
    }

    /**
     * 1 GB of a 4 GB heap touched so far: the resident set may still grow by the other 3 GB whenever
     * the collector first writes there, so the 95% band reaches that far; the 80% band keeps to the
     * trend's own errors. Without any heap reading nothing is added.
     */
    @Test
    void theHeapNotYetTouchedRaisesTheResidentSetsNinetyFivePercentBand() {
        WindowValues growing = (i, g, v) -> {
            v.accept(Metric.PROCESS_RSS, 1.6 * GB + 2 * MB * i + 0.1 * MB * g);
            v.accept(Metric.HOST_MEMORY_TOTAL, 16 * GB);
        };
        Forecast touched = new ProcessRssForecaster().forecast(context((i, g, v) -> {
            growing.put(i, g, v);
            v.accept(Metric.HEAP_COMMITTED, 2 * GB);
            v.accept(Metric.HEAP_USED_BEFORE_GC, GB);
        })).orElseThrow();
        Forecast unknown = new ProcessRssForecaster().forecast(context(growing)).orElseThrow();

        assertThat(touched.points()).allSatisfy(p -> {
            assertThat(p.high() - p.value()).isGreaterThan(3 * GB);
            assertThat(p.high80() - p.value()).isLessThan(100 * MB);
        });
        assertThat(touched.adjustment()).isEqualTo("95% band raised by the heap not yet touched: 3.0 GB more resident at most");
        assertThat(unknown.points()).allSatisfy(p -> assertThat(p.high() - p.value()).isLessThan(100 * MB));
        assertThat(unknown.adjustment()).isNull();
    }

    /**
     * A young JVM's resident set jumps by hundreds of MB in its first minute; a steady 0.5 MB/s after
     * it is forecast from what came after the first minute, with bands as narrow as that steadiness.
     */
    @Test
    void theResidentSetsFirstMinuteIsLeftOut() {
        Random noise = new Random(5);
        Timeline timeline = new Timeline(120);
        for (int i = 0; i < 120; i++) {
            double t = 2.0 * i;
            double rss = t < 50 ? 100 * MB + 100 * MB * Math.floor(t / 12) : 600 * MB + 0.5 * MB * t + 0.05 * MB * noise.nextGaussian();
            Instant start = T0.plusSeconds(2L * i);
            timeline.add(new Window(start, start.plusSeconds(2), Map.of(Metric.PROCESS_RSS, rss, Metric.HOST_MEMORY_TOTAL, 16 * GB),
                    Map.of(), List.of(), 2));
        }
        Forecast f = new ProcessRssForecaster().forecast(new AnalysisContext(timeline, T0.plusSeconds(240), 1L, null, null, null))
                .orElseThrow();

        assertThat(f.slopePerSecond()).isCloseTo(0.5 * MB, within(0.05 * MB));
        assertThat(f.points().get(0).high80() - f.points().get(0).low80()).isLessThan(10 * MB);
    }

    @Test
    void theHostsAvailableMemoryFallsTowardsAFloorOfFivePercent() {
        // 8 GB host, 3 GB available, 20 MB less every window: 5% (410 MB) left in about 22 minutes
        Forecast f = new MemoryAvailableForecaster().forecast(context((i, g, v) -> {
            v.accept(Metric.HOST_MEMORY_TOTAL, 8 * GB);
            v.accept(Metric.HOST_MEMORY_AVAILABLE, 3 * GB - 20 * MB * i + 2 * MB * g);
        })).orElseThrow();

        assertThat(f.metric()).isEqualTo("host.memoryAvailable");
        assertThat(f.direction()).isEqualTo(Forecast.FALLING);
        assertThat(f.threshold()).isCloseTo(0.05 * 8 * GB, within(1.0));
        assertThat(f.thresholdSource()).isEqualTo("5% of host memory");
        expectCrossingNear(f, (3 * GB - 20 * MB * (WINDOWS - 1) - 0.05 * 8 * GB) / (20 * MB) * 10);
        assertThat(f.points()).allSatisfy(p -> assertThat(p.low()).isGreaterThanOrEqualTo(0));
    }

    @Test
    void inAContainerTheMemoryInUseRisesTowardsItsLimit() {
        Forecast f = new MemoryAvailableForecaster().forecast(context((i, g, v) -> {
            v.accept(Metric.HOST_MEMORY_TOTAL, 8 * GB);
            v.accept(Metric.HOST_MEMORY_AVAILABLE, 6 * GB);
            v.accept(Metric.CONTAINER_MEMORY_LIMIT, 2 * GB);
            v.accept(Metric.CONTAINER_MEMORY_USED, GB + 5 * MB * i + 0.5 * MB * g);
        })).orElseThrow();

        assertThat(f.metric()).isEqualTo("container.memoryUsed");
        assertThat(f.direction()).isEqualTo(Forecast.RISING);
        assertThat(f.thresholdSource()).isEqualTo("container memory limit");
        expectCrossingNear(f, secondsUntil(GB + 5 * MB * (WINDOWS - 1), 5 * MB, 2 * GB));
    }

    @Test
    void threadsAreForecastAgainstTheLimitTheJvmRunsUnder() {
        // a thread leak: 40 threads, one more every window, under a limit of 200
        AnalysisContext leak = context((i, g, v) -> v.accept(Metric.THREADS_ACTIVE, 40.0 + i));
        ThreadCountForecaster forecaster = new ThreadCountForecaster();

        assertThat(forecaster.forecast(leak)).as("no limit known offline").isEmpty();

        Forecast f = forecaster.forecast(leak.withThreadLimit(new AnalysisContext.Limit(200, "ulimit -u"))).orElseThrow();
        assertThat(f.thresholdSource()).isEqualTo("ulimit -u");
        expectCrossingNear(f, secondsUntil(40 + WINDOWS - 1, 1, 200));
    }

    @Test
    void theBacktestForecastsThreadsWithoutALimitAndClaimsNoCrossing() {
        AnalysisContext leak = context((i, g, v) -> v.accept(Metric.THREADS_ACTIVE, 40.0 + i));

        Forecast f = ThreadCountForecaster.withoutKnownLimit().forecast(leak).orElseThrow();

        assertThat(f.thresholdSource()).isEqualTo("no limit known offline");
        assertThat(f.timeToThresholdSeconds()).isNull();
        // the leak carried on: one more thread every 10 s
        var last = f.points().get(f.points().size() - 1);
        double lead = (last.at().toEpochMilli() - T0.plusSeconds(10L * WINDOWS).toEpochMilli()) / 1000.0;
        assertThat(last.value()).isCloseTo(40 + WINDOWS - 1 + lead / 10, within(0.1 * lead / 10));
        assertThat(ForecastBacktest.forecasters().stream().flatMap(m -> m.forecast(leak).stream()).map(Forecast::metric))
                .as("what the backtest scores").contains(Metric.THREADS_ACTIVE.key());
    }

    /**
     * A leak's thread count steps in whole threads about its line: the 80% band takes the backtest's own
     * multiple (here under the textbook one), the 95% keeps its textbook floor.
     */
    @Test
    void aLeakingThreadCountsEightyPercentBandFollowsItsBacktest() {
        // ten threads more every window, one of them ending every fourth: the thread leak's pattern
        AnalysisContext leak = context((i, g, v) -> v.accept(Metric.THREADS_ACTIVE, 40.0 + 10 * i - Math.floor(i / 4.0)));
        ThreadCountForecaster forecaster = ThreadCountForecaster.withoutKnownLimit();
        ForecastTarget target = forecaster.target(leak).orElseThrow();
        ModelSelection floored = ModelSelection.select(SeriesForecaster.relativeTimes(target.history()),
                target.history().values(), forecaster.candidates());

        ModelSelection chosen = forecaster.fitted(target).selection();

        assertThat(floored.k80For(null)).isEqualTo(ModelSelection.Z80);
        assertThat(chosen.k80For(null)).isEqualTo(floored.own80()).isLessThan(ModelSelection.Z80 - 0.05);
        assertThat(chosen.k95()).isEqualTo(floored.k95()).isGreaterThanOrEqualTo(ModelSelection.Z95);
        Forecast shown = forecaster.forecast(target);
        Forecast textbook = SeriesForecaster.forecast(SeriesForecaster.fit(target, floored));
        assertThat(shown.points()).zipSatisfy(textbook.points(), (a, b) -> {
            assertThat(a.high80() - a.low80()).isLessThan(b.high80() - b.low80());
            assertThat(a.high()).isEqualTo(b.high());
        });
    }

    @Test
    void aThreadCountThatNeverLeftItsLineIsStillGivenAThreadEitherSideAtEightyPercent() {
        // ten threads more every window from 41 and none ending yet: the backtest's errors are all zero, and its own
        // multiple of the least scale (one thread) is under one; a band of less than a thread holds one count
        ThreadCountForecaster forecaster = ThreadCountForecaster.withoutKnownLimit();
        ForecastTarget target = forecaster.target(context((i, g, v) -> v.accept(Metric.THREADS_ACTIVE, 41.0 + 10 * i)))
                .orElseThrow();

        Forecast f = forecaster.forecast(target);

        assertThat(forecaster.fitted(target).selection().own80()).isLessThan(1);
        assertThat(f.points()).allSatisfy(p -> {
            assertThat(p.high80() - p.value()).isGreaterThanOrEqualTo(1);
            assertThat(p.value() - p.low80()).isGreaterThanOrEqualTo(1);
        });
    }

    @Test
    void aSteadyThreadCountNeverClaimsACrossing() {
        Forecast f = new ThreadCountForecaster().forecast(context((i, g, v) -> v.accept(Metric.THREADS_ACTIVE,
                40.0 + (i % 3)))
                .withThreadLimit(new AnalysisContext.Limit(200, "ulimit -u"))).orElseThrow();

        assertThat(f.timeToThresholdSeconds()).isNull();
        assertThat(f.points()).allSatisfy(p -> assertThat(p.high()).isLessThan(200));
    }
}
