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
import java.util.function.IntToDoubleFunction;
import org.junit.jupiter.api.Test;

/**
 * The JVM's and the host's CPU forecasts while a leak fills the heap: the GC's CPU grows as the
 * free heap shrinks, although the CPU history itself is flat.
 */
class CpuForecasterTest {

    private static final Instant T0 = Instant.parse("2025-03-01T12:00:00Z");
    private static final double MB = 1024.0 * 1024;
    private static final long MAX_HEAP = 1024L * 1024 * 1024;
    /** A live set from a quarter of the heap, a byte a second (two on the 95% band). */
    private static final GcCpuGrowth.LiveSetPath FROM_A_QUARTER = (lead, level) -> 0.25 * MAX_HEAP + (level >= 0.95 ? 2 : 1) * lead;

    /**
     * 10-second windows: the live set {@code liveSet(i)} with an old collection in each, the JVM at
     * 5% of all CPUs (+/- 0.3%), of which its Java threads use 3%, when {@code javaThreads}; the
     * machine at 20% (+/- 1%).
     */
    private static AnalysisContext context(IntToDoubleFunction liveSet, boolean javaThreads) {
        return context(liveSet, javaThreads, false);
    }

    /** As above; {@code allInJava}: all of the JVM's CPU in its Java threads, so the GC's share is nil. */
    private static AnalysisContext context(IntToDoubleFunction liveSet, boolean javaThreads, boolean allInJava) {
        Random random = new Random(5);
        Random machine = new Random(7);
        Timeline timeline = new Timeline(60);
        for (int i = 0; i < 60; i++) {
            Map<Metric, Double> values = new EnumMap<>(Metric.class);
            values.put(Metric.HEAP_USED_AFTER_GC, liveSet.applyAsDouble(i) + (2 * random.nextDouble() - 1) * MB);
            values.put(Metric.OLD_GC_COUNT, 1.0);
            double user = 0.045 + 0.003 * random.nextGaussian();
            values.put(Metric.CPU_JVM_USER, user);
            values.put(Metric.CPU_JVM_SYSTEM, allInJava ? 0 : 0.005);
            values.put(Metric.CPU_MACHINE, 0.2 + 0.01 * machine.nextGaussian());
            if (javaThreads) {
                values.put(Metric.CPU_JAVA_THREADS, allInJava ? user : 0.03);
            }
            Instant start = T0.plusSeconds(10L * i);
            timeline.add(new Window(start, start.plusSeconds(10), values, Map.of(), List.of(), 2));
        }
        return new AnalysisContext(timeline, T0.plusSeconds(600), 1L, MAX_HEAP, null, null);
    }

    private static Forecast cpu(AnalysisContext context) {
        return CpuForecaster.process(new HeapLiveSetForecaster()).forecast(context).orElseThrow();
    }

    @Test
    void aLeakFillingTheHeapRaisesTheForecastByTheGcsGrowingCpu() {
        // 300 MB to about 595 MB in ten minutes, 0.5 MB/s: the heap is full some 14 minutes on
        AnalysisContext leak = context(i -> 300 * MB + 5 * MB * i, true);
        AnalysisContext noGcMeasure = context(i -> 300 * MB + 5 * MB * i, false);

        Forecast f = cpu(leak);
        Forecast plain = cpu(noGcMeasure);

        assertThat(f.metric()).isEqualTo("cpu.jvmTotal");
        assertThat(plain.adjustment()).isNull();
        assertThat(f.adjustment()).contains("garbage collector").contains("2.0% of all CPUs outside Java threads")
                .as("a steady leak is no backlog feeding on itself").doesNotContain("backlog");
        ForecastPoint first = f.points().get(0);
        ForecastPoint last = f.points().get(f.points().size() - 1);
        ForecastPoint plainFirst = plain.points().get(0);
        ForecastPoint plainLast = plain.points().get(plain.points().size() - 1);
        // the flat history alone forecasts about 5%; the GC's 2% may grow with the heap's live/free ratio
        assertThat(plainLast.value()).isCloseTo(0.05, within(0.01));
        assertThat(last.high()).isGreaterThan(plainLast.high() + 0.02);
        assertThat(last.high80()).isGreaterThan(plainLast.high80() + 0.02);
        assertThat(last.high() - plainLast.high()).isGreaterThan(first.high() - plainFirst.high());
        // the point and the lower bands stay where the CPU's own history puts them
        assertThat(last.value()).isCloseTo(plainLast.value(), within(1e-12));
        assertThat(last.low()).isCloseTo(plainLast.low(), within(1e-12));
        assertThat(last.low80()).isCloseTo(plainLast.low80(), within(1e-12));
        assertThat(f.points()).allSatisfy(p -> assertThat(p.high()).isLessThanOrEqualTo(1.0));
    }

    @Test
    void theHostsCpuHoldsThisJvmsAndIsRaisedByTheSameGcGrowth() {
        AnalysisContext leak = context(i -> 300 * MB + 5 * MB * i, true);
        AnalysisContext noGcMeasure = context(i -> 300 * MB + 5 * MB * i, false);

        Forecast f = CpuForecaster.host(new HeapLiveSetForecaster()).forecast(leak).orElseThrow();
        Forecast plain = CpuForecaster.host(new HeapLiveSetForecaster()).forecast(noGcMeasure).orElseThrow();

        assertThat(f.metric()).isEqualTo(Metric.CPU_MACHINE.key());
        assertThat(plain.adjustment()).isNull();
        assertThat(f.adjustment()).contains("garbage collector").contains("2.0% of all CPUs outside Java threads");
        ForecastPoint last = f.points().get(f.points().size() - 1);
        ForecastPoint plainLast = plain.points().get(plain.points().size() - 1);
        assertThat(plainLast.value()).isCloseTo(0.2, within(0.02));
        assertThat(last.high()).isGreaterThan(plainLast.high() + 0.02);
        assertThat(last.value()).isCloseTo(plainLast.value(), within(1e-12));
        assertThat(last.low()).isCloseTo(plainLast.low(), within(1e-12));
    }

    @Test
    void aFlatHeapLeavesTheCpuForecastToItsOwnHistory() {
        Forecast f = cpu(context(i -> 300 * MB, true));
        Forecast plain = cpu(context(i -> 300 * MB, false));

        assertThat(f.adjustment()).isNull();
        assertThat(f.points()).zipSatisfy(plain.points(), (a, b) -> {
            assertThat(a.value()).isEqualTo(b.value());
            assertThat(a.high()).isEqualTo(b.high());
        });
        assertThat(f.timeToThresholdSeconds()).isNull();
    }

    /**
     * A flat, noisy CPU takes its backtest's own 80% multiple, here under the textbook one, which the
     * same selection keeps for other metrics; the 95% multiple keeps its textbook floor.
     */
    @Test
    void theCpusEightyPercentBandFollowsItsBacktestUnderTheTextbookMultiple() {
        CpuForecaster forecaster = CpuForecaster.process(new HeapLiveSetForecaster());
        // a rising live set, so the level's swing is not taken to stay bounded (without the Java threads'
        // CPU the collector's share is unknown and adds nothing)
        ForecastTarget target = forecaster.target(context(i -> 300 * MB + 5 * MB * i, false)).orElseThrow();
        ModelSelection chosen = forecaster.fitted(target).selection();
        ModelSelection floored = ModelSelection.select(SeriesForecaster.relativeTimes(target.history()),
                target.history().values(), CpuForecaster.CANDIDATES);

        assertThat(floored.k80For(null)).isEqualTo(ModelSelection.Z80);
        assertThat(chosen.k80For(null)).isEqualTo(floored.own80()).isLessThan(ModelSelection.Z80 - 0.05);
        assertThat(chosen.k95()).isEqualTo(floored.k95()).isGreaterThanOrEqualTo(ModelSelection.Z95);

        // what the report shows: the 80% band narrower by that ratio, the point and the 95% band unchanged
        Forecast shown = forecaster.forecast(target);
        Forecast textbook = SeriesForecaster.forecast(SeriesForecaster.fit(target, floored));
        double ratio = floored.own80() / ModelSelection.Z80;
        assertThat(shown.points()).zipSatisfy(textbook.points(), (a, b) -> {
            assertThat(a.high80() - a.low80()).isCloseTo(ratio * (b.high80() - b.low80()), within(1e-12));
            assertThat(a.value()).isEqualTo(b.value());
            assertThat(a.low()).isEqualTo(b.low());
            assertThat(a.high()).isEqualTo(b.high());
        });
    }

    @Test
    void aBacklogGrowingEverFasterRaisesTheCpuByTheWorkItMakes() {
        // 40 MB to about 430 MB in ten minutes, each third faster than the one before: a retry storm;
        // all of the JVM's 4.5% in its Java threads, so the collector adds nothing to tell them apart
        Forecast f = cpu(context(i -> 40 * MB * Math.exp(i / 25.0), true, true));
        Forecast steady = cpu(context(i -> 40 * MB + 6.5 * MB * i, true, true));

        assertThat(f.adjustment()).contains("backlog growing ever faster").contains("4.5% of all CPUs in Java threads");
        assertThat(steady.adjustment()).isNull();
        ForecastPoint first = f.points().get(0);
        ForecastPoint steadyFirst = steady.points().get(0);
        // the live set, and with it the work, more than doubles by the first point shown
        assertThat(first.high80()).isGreaterThan(steadyFirst.high80() + 0.045);
        assertThat(first.high()).isGreaterThan(steadyFirst.high() + 0.045);
        // the point and the lower bands stay where the CPU's own history puts them
        assertThat(first.value()).isCloseTo(steadyFirst.value(), within(1e-12));
        assertThat(first.low()).isCloseTo(steadyFirst.low(), within(1e-12));
        assertThat(f.points()).allSatisfy(p -> assertThat(p.high()).isLessThanOrEqualTo(1.0));
    }

    @Test
    void aBacklogsWorkGrowsWithTheLiveSetUpToTheMaxHeap() {
        BacklogWork work = new BacklogWork(0.03, FROM_A_QUARTER, 0, MAX_HEAP);

        double toHalf = 0.25 * MAX_HEAP;
        assertThat(work.at(0, 0.8)).isCloseTo(0, within(1e-12));
        // twice the live set, twice the work: 3% more
        assertThat(work.at(toHalf, 0.8)).isCloseTo(0.03, within(1e-9));
        assertThat(work.at(toHalf, 0.95)).isCloseTo(0.06, within(1e-9));
        // the live set never passes the max heap: four times at most
        assertThat(work.at(100 * toHalf, 0.95)).isCloseTo(0.09, within(1e-9));
        // a live set falling below now adds nothing
        assertThat(new BacklogWork(0.03, (lead, level) -> 0.25 * MAX_HEAP - lead, 0, MAX_HEAP).at(toHalf, 0.8)).isZero();
    }

    @Test
    void theGcGrowsAsLiveSetOverFreeHeapWithTheHeapsUpperBand() {
        // to half the heap: live/free from 1/3 to 1, three times the GC's work
        GcCpuGrowth growth = new GcCpuGrowth(0.02, FROM_A_QUARTER, 0, MAX_HEAP);

        double toHalf = 0.25 * MAX_HEAP;
        assertThat(growth.multiplier(0, 0.8)).isCloseTo(1, within(1e-9));
        assertThat(growth.multiplier(toHalf, 0.8)).isCloseTo(3, within(1e-6));
        assertThat(growth.at(toHalf, 0.8)).isCloseTo(0.04, within(1e-8));
        // the 95% band's live set reaches three quarters: live/free 3, nine times
        assertThat(growth.at(toHalf, 0.95)).isCloseTo(0.16, within(1e-8));
        // past a full heap the ratio is held at 99% full, not infinite
        assertThat(growth.at(10 * toHalf, 0.8)).isFinite().isGreaterThan(1);
    }

    @Test
    void aPhaseThatRaisedTheCpuIsNotCarriedOnToSaturation() {
        // 5-second windows: a minute and a half at 3% of all CPUs, then an import lifts it to 9% over
        // three minutes; a straight line through that rise (the backtest's best) forecasts 78% in 43 minutes
        Random random = new Random(11);
        Timeline timeline = new Timeline(60);
        for (int i = 0; i < 54; i++) {
            double level = i < 18 ? 0.03 : 0.03 + 0.06 * (i - 17) / 36.0;
            Map<Metric, Double> values = new EnumMap<>(Metric.class);
            values.put(Metric.CPU_JVM_USER, level + 0.004 * random.nextGaussian());
            values.put(Metric.CPU_JVM_SYSTEM, 0.0);
            Instant start = T0.plusSeconds(5L * i);
            timeline.add(new Window(start, start.plusSeconds(5), values, Map.of(), List.of(), 2));
        }

        Forecast f = cpu(new AnalysisContext(timeline, T0.plusSeconds(270), 1L, MAX_HEAP, null, null));

        assertThat(f.model()).isNotEqualTo("theil-sen-linear");
        assertThat(f.timeToThresholdSeconds()).isNull();
        ForecastPoint last = f.points().get(f.points().size() - 1);
        // the rise may go on for a while, not for the whole horizon (the bands say how little is known)
        assertThat(last.value()).isLessThan(0.3);
    }

    /**
     * A JVM's CPU swinging about its level while the live set stays flat keeps its bands' width past
     * the leads its backtest measured; while the live set rises, the collector's work may grow with
     * it, and the same history's bands widen at least like a random walk's.
     */
    @Test
    void aCpuSwingingAboutItsLevelKeepsItsBandWhileTheLiveSetIsFlat() {
        Forecast flat = cpu(context(i -> 300 * MB, true));
        Forecast rising = cpu(context(i -> 300 * MB + 5 * MB * i, true));

        assertThat(flat.model()).isEqualTo(rising.model()).isEqualTo("level");
        // the last point is twelve times as far ahead as the first: a random walk's band is sqrt(12) = 3.5 times
        // as wide; a swing's goes on at the power its drift and backtest errors showed, here (independent noise)
        // under STEADY_POWER: at most 12^0.25 = 1.9 times
        assertThat(lowerWidthGrowth(flat)).as("the flat heap's CPU band, last point over first")
                .isLessThan(Math.pow(12, ModelSelection.STEADY_POWER));
        assertThat(lowerWidthGrowth(rising)).as("the rising heap's CPU band, last point over first").isGreaterThan(3);
    }

    /** How much wider the lower 80% band is at the forecast's last point than at its first. */
    private static double lowerWidthGrowth(Forecast f) {
        ForecastPoint first = f.points().get(0);
        ForecastPoint last = f.points().get(f.points().size() - 1);
        return (last.value() - last.low80()) / (first.value() - first.low80());
    }
}
