package dev.precog.analyzer.forecast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.precog.analyzer.OfflineAnalysis;
import dev.precog.analyzer.detect.AnalysisContext;
import dev.precog.analyzer.evidence.Evidence;
import dev.precog.analyzer.jfr.RecordedJvmFacts;
import dev.precog.analyzer.jfr.RecordingFileSource;
import dev.precog.analyzer.jfr.TestRecordings;
import dev.precog.analyzer.timeline.Timeline;
import dev.precog.model.Window;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ForecastBacktestTest {

    @Test
    void anOriginThatBroughtNoNewPointIsNotScoredAgain() throws Exception {
        // the recording has a point of CPU load every 100 ms and of the heap at each collection: in
        // 15-ms windows most origins see no new point, and their forecasts would repeat the one before
        // (its events can span as little as 1.8 s of its 2.2: 20-ms windows were sometimes too few)
        ForecastBacktest.Result result = new ForecastBacktest(Duration.ofMillis(15)).run(TestRecordings.gcRecording());

        assertThat(result.windows()).isGreaterThan(4 * ForecastBacktest.ORIGINS);
        assertThat(result.series()).as(result.toString()).isNotEmpty()
                .anySatisfy(s -> assertThat(s.origins()).isPositive())
                .allSatisfy(s -> {
                    // no more forecasts than points came after the first origin, a quarter of the way in
                    assertThat(s.origins()).as(s.toString())
                            .isLessThanOrEqualTo((int) Math.ceil((1 - ForecastBacktest.FIRST_ORIGIN) * s.points()) + 1);
                    // a busy machine can delay the 100-ms CPU event to a few points in all (CI once had 8):
                    // only a series with room for a history at the later origins must have been scored
                    if (s.points() >= 2 * MetricForecaster.MIN_POINTS) {
                        assertThat(s.origins()).as(s.toString()).isPositive();
                    }
                    if (s.origins() > 0) {
                        assertThat(s.pointForecasts()).isPositive();
                        // the misses by side: what is above the 95% band is above the 80% band too (1 - 90/91
                        // is a rounding under 1/91, hence the tolerance)
                        assertThat(s.above80()).isBetween(0.0, 1 - s.coverage80() + 1e-12);
                        assertThat(s.above95()).isBetween(0.0, Math.min(s.above80(), 1 - s.coverage95() + 1e-12));
                    }
                });
    }

    @Test
    void aMetricAskedForInDetailShowsEveryScoredForecastAndTheScoresAddUpFromThem() throws Exception {
        // both asked for: in 15-ms windows one of the two loses most of its points to JFR's file order (the
        // collector's and the periodic thread's buffers are flushed about once a second, and events of the
        // buffer read second land in one window), and which one varies from recording to recording
        Set<String> asked = Set.of("heap.usedAfterGc", "cpu.jvmTotal");
        ForecastBacktest.Result result = new ForecastBacktest(Duration.ofMillis(15), asked).run(TestRecordings.gcRecording());

        assertThat(result.details()).as("only the metrics asked for").allSatisfy(d -> assertThat(asked).contains(d.metric()));
        ForecastBacktest.MetricScore scored = result.series().stream().filter(s -> asked.contains(s.metric()))
                .max(Comparator.comparingInt(ForecastBacktest.MetricScore::origins))
                .orElseThrow(() -> new AssertionError("neither series in " + result));
        List<ForecastBacktest.OriginDetail> details = result.details().stream().filter(d -> d.metric().equals(scored.metric())).toList();
        assertThat(details).as("one per scored origin").hasSize(scored.origins()).isNotEmpty();
        List<ForecastBacktest.PairDetail> pairs = details.stream().flatMap(d -> d.pairs().stream()).toList();
        assertThat(pairs).hasSize(scored.pointForecasts());
        long inside80 = pairs.stream().filter(p -> p.actual() >= p.low80() && p.actual() <= p.high80()).count();
        long above95 = pairs.stream().filter(p -> "above 95%".equals(p.miss())).count();
        assertThat((double) inside80 / pairs.size()).isCloseTo(scored.coverage80(), within(1e-9));
        assertThat((double) above95 / pairs.size()).isCloseTo(scored.above95(), within(1e-9));
        assertThat(details).allSatisfy(d -> {
            assertThat(d.originSeconds()).isPositive();
            assertThat(d.pairs()).allSatisfy(p -> {
                assertThat(p.leadSeconds()).isPositive();
                assertThat(p.low95()).isLessThanOrEqualTo(p.low80());
                assertThat(p.high95()).isGreaterThanOrEqualTo(p.high80());
            });
        });
    }

    @Test
    void theTimeToThresholdScoreAddsUpFromTheTimingsOfOriginsWithAPointBeforeTheCrossing() throws Exception {
        ForecastBacktest.Result result = new ForecastBacktest(Duration.ofMillis(100), Set.of("heap.usedAfterGc"))
                .run(TestRecordings.growingHeapRecording());

        ForecastBacktest.MetricScore heap = result.series().stream().filter(s -> s.metric().equals("heap.usedAfterGc"))
                .findFirst().orElseThrow(() -> new AssertionError("no heap series in " + result));
        List<ForecastBacktest.OriginDetail> timed = result.details().stream().filter(d -> d.timing() != null).toList();
        assertThat(timed).as("a heap that grows is timed to a level it reached: %s", heap).isNotEmpty().allSatisfy(d -> {
            ForecastBacktest.ThresholdTiming t = d.timing();
            assertThat(t.threshold()).isEqualTo(heap.threshold());
            // every later point of four seconds is within the forecast's horizon (ten minutes at least), so the first
            // pair is the series' next point: the crossing itself, or a point before it
            double next = d.pairs().get(0).leadSeconds();
            if (t.verdict() == ForecastBacktest.TimingVerdict.NEXT_POINT) {
                assertThat(next).as("%s", t).isCloseTo(t.actualSeconds(), within(1e-9));
            } else {
                assertThat(next).as("%s", t).isLessThan(t.actualSeconds());
            }
        });
        List<ForecastBacktest.ThresholdTiming> counted = timed.stream().map(ForecastBacktest.OriginDetail::timing)
                .filter(t -> t.verdict() == ForecastBacktest.TimingVerdict.TIMED).toList();
        assertThat(counted).as("the line reaches the level: %s", timed).isNotEmpty()
                .allSatisfy(t -> assertThat(t.forecastSeconds()).isNotNull());
        assertThat(heap.timeToThresholdForecasts()).isEqualTo(counted.size());
        assertThat(heap.timeToThresholdMape()).isCloseTo(counted.stream()
                .mapToDouble(t -> Math.abs(t.forecastSeconds() - t.actualSeconds()) / t.actualSeconds()).average().orElseThrow(),
                within(1e-9));
        assertThat(heap.crossingsMissed()).isEqualTo(
                (int) timed.stream().filter(d -> d.timing().verdict() == ForecastBacktest.TimingVerdict.MISSED).count());
    }

    /**
     * The agent forecasts every window, and each forecast's bands are calibrated by all the forecasts before it: the
     * bands the backtest scores at its origins are the ones an analysis run window by window has there, not those of a
     * forecaster that saw only the origins.
     */
    @Test
    void theBandsScoredAreThoseOfAnAgentForecastingEveryWindow() throws Exception {
        Duration window = Duration.ofMillis(100);
        Path recording = TestRecordings.growingHeapRecording();
        String metric = "heap.usedAfterGc";
        ForecastBacktest.Result result = new ForecastBacktest(window, Set.of(metric)).run(recording);

        RecordedJvmFacts facts = new RecordedJvmFacts();
        List<Window> windows = new ArrayList<>();
        new RecordingFileSource(recording, window).replay(facts, windows::add);
        Set<Integer> origins = new HashSet<>();
        for (int k = 0; k < ForecastBacktest.ORIGINS; k++) {
            origins.add(ForecastBacktest.originWindows(windows.size(), k));
        }
        double start = windows.get(0).start().toEpochMilli() / 1000.0;
        MetricForecaster heap = ForecastBacktest.forecasters().stream().filter(f -> f.metric().equals(metric)).findFirst().orElseThrow();
        Timeline timeline = new Timeline(windows.size() + 1);
        Map<Double, SeriesForecaster.Fitted> atOrigins = new HashMap<>();
        for (int seen = 1; seen <= windows.size(); seen++) {
            timeline.add(windows.get(seen - 1));
            AnalysisContext now = OfflineAnalysis.context(timeline, windows.get(seen - 1).end(), facts, recording, Evidence.NONE);
            if (!origins.contains(seen)) {
                heap.forecast(now);
                continue;
            }
            heap.target(now).ifPresent(t -> atOrigins.putIfAbsent(t.history().lastTime() - start, heap.calibrated(t, heap.observed(now, t))));
        }

        List<ForecastBacktest.OriginDetail> scored = result.details();
        assertThat(scored).as("a heap that grows is forecast").isNotEmpty();
        assertThat(scored).allSatisfy(d -> {
            SeriesForecaster.Fitted agent = atOrigins.get(d.originSeconds());
            assertThat(agent).as("the agent's forecast at %.1f s", d.originSeconds()).isNotNull();
            assertThat(d.pairs()).allSatisfy(p -> assertThat(agent.bandsAt(p.leadSeconds()))
                    .containsExactly(p.forecast(), p.low95(), p.high95(), p.low80(), p.high80()));
        });
        assertThat(scored).as("some scored forecast's bands were calibrated by earlier ones")
                .anySatisfy(d -> assertThat(atOrigins.get(d.originSeconds()).factors()).isNotEqualTo(BandCalibration.Factors.NONE));
    }

    @Test
    void aMissSaysOnWhichSideAndPastWhichBand() {
        assertThat(pair(5).miss()).isNull();
        assertThat(pair(7.5).miss()).isEqualTo("above 80%");
        assertThat(pair(9).miss()).isEqualTo("above 95%");
        assertThat(pair(2.5).miss()).isEqualTo("below 80%");
        assertThat(pair(0).miss()).isEqualTo("below 95%");
    }

    @Test
    void aMetricNoForecasterForecastsIsRefusedWithTheOnesThatAre() {
        assertThatThrownBy(() -> new ForecastBacktest(Duration.ofSeconds(10), Set.of("heap.used")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("heap.used")
                .hasMessageContaining("heap.usedAfterGc").hasMessageContaining("host.cpuLoad");
    }

    /** The truth {@code actual} against a forecast of 5 with an 80% band of 3 to 7 and a 95% band of 1 to 8. */
    private static ForecastBacktest.PairDetail pair(double actual) {
        return new ForecastBacktest.PairDetail(10, actual, 5, 3, 7, 1, 8);
    }
}
