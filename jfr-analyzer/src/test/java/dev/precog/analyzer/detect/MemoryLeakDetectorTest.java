package dev.precog.analyzer.detect;

import static dev.precog.analyzer.detect.SyntheticHeap.GB;
import static dev.precog.analyzer.detect.SyntheticHeap.MB;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.precog.analyzer.forecast.HeapLiveSetForecaster;
import dev.precog.analyzer.timeline.Timeline;
import dev.precog.model.Finding;
import dev.precog.model.FindingKind;
import dev.precog.model.Forecast;
import dev.precog.model.Severity;
import dev.precog.model.Suggestion;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.IntToDoubleFunction;
import org.junit.jupiter.api.Test;

/**
 * Synthetic live-set shapes over 10-second windows, checked for what an operator would notice.
 * Tunables that shape the data below (see {@link LiveSetTrend#isGrowing}): at least
 * {@link LiveSetTrend#MIN_POINTS} + 1 after-GC points, the first 10% dropped as warm-up,
 * Mann-Kendall p &lt; 0.01 with a positive Theil-Sen interval, growth over the analysed span of
 * at least 2 MB and at least 2% of max heap or 10% of the starting level, growth without any old
 * collection only when it fills the heap within the hour, and CRITICAL at 85% fill or less than
 * 15 minutes left.
 */
class MemoryLeakDetectorTest {

    private static final double LEAK_PER_MINUTE = 2 * MB;
    private static final int WINDOWS_PER_MINUTE = 6;

    private final MemoryLeakDetector detector = new MemoryLeakDetector();
    private final HeapLiveSetForecaster forecaster = new HeapLiveSetForecaster();

    /** A live set leaking {@code perMinute} from {@code base}, with +/- 1 MB noise. */
    private static SyntheticHeap linearLeak(double base, double perMinute, int windows) {
        return SyntheticHeap.windows(windows)
                .liveSet(i -> base + perMinute * i / WINDOWS_PER_MINUTE)
                .noise(MB, 11);
    }

    @Test
    void linearLeakWithOldCollectionsIsAWarningWithAnAccurateRateAndForecast() {
        // From 100 MB the ~17.6 MB grown over the analysed 9 minutes passes the "matters" gate
        // (10% of the level); from 200 MB or more it would not yet (see the 256 MB case below).
        double base = 100 * MB;
        AnalysisContext context = linearLeak(base, LEAK_PER_MINUTE, 60).oldGcEvery(6).context();

        List<Finding> findings = detector.detect(context);
        Optional<Forecast> forecast = forecaster.forecast(context);

        assertThat(findings).hasSize(1);
        Finding leak = findings.get(0);
        assertThat(leak.kind()).isEqualTo(FindingKind.MEMORY_LEAK);
        assertThat(leak.id()).isEqualTo("heap");
        assertThat(leak.severity()).isEqualTo(Severity.WARNING);
        assertThat(leak.pattern()).isEqualTo("LINEAR");
        assertThat(leak.firstDetectedAt()).isEqualTo(context.now());
        assertThat(leak.confidence()).isBetween(0.9, 1.0);
        assertThat(number(leak, "growthBytesPerMinute")).isCloseTo(LEAK_PER_MINUTE, within(0.2 * LEAK_PER_MINUTE));
        assertThat(number(leak, "growthBytesPerMinuteLow")).isPositive()
                .isLessThanOrEqualTo(number(leak, "growthBytesPerMinute"));
        assertThat(number(leak, "growthBytesPerMinuteHigh")).isGreaterThanOrEqualTo(number(leak, "growthBytesPerMinute"));
        assertThat(number(leak, "oldCollections")).isPositive();
        assertThat(number(leak, "heapMaxBytes")).isEqualTo((double) GB);
        assertThat(leak.evidence()).containsKeys("since", "liveSetBytes", "fractionOfMaxHeap", "pValue", "confidenceReason");
        assertThat(leak.summary()).contains("/min").contains("of max heap 1.0 GB").contains("full in about");

        double lastMinute = 59.0 / WINDOWS_PER_MINUTE;
        double trueEta = (GB - (base + LEAK_PER_MINUTE * lastMinute)) / (LEAK_PER_MINUTE / 60);
        assertThat(forecast).hasValueSatisfying(f -> {
            assertThat(f.timeToThresholdSeconds()).isCloseTo(trueEta, within(0.25 * trueEta));
            assertThat(f.timeToThresholdLowSeconds()).isLessThanOrEqualTo(f.timeToThresholdSeconds());
            assertThat(f.timeToThresholdHighSeconds()).isGreaterThanOrEqualTo(f.timeToThresholdSeconds());
            assertThat(f.threshold()).isEqualTo((double) GB);
            assertThat(f.slopePerSecond() * 60).isCloseTo(LEAK_PER_MINUTE, within(0.2 * LEAK_PER_MINUTE));
        });
    }

    @Test
    void leakSuggestsAHeapDumpWithThePidAndTheOutOfMemoryFlags() {
        SyntheticHeap heap = linearLeak(100 * MB, LEAK_PER_MINUTE, 60).oldGcEvery(6);
        Timeline timeline = heap.timeline();
        AnalysisContext context = new AnalysisContext(
                timeline, SyntheticHeap.end(59), 4242L, GB, Path.of("/var/dumps"), Boolean.FALSE);

        Finding leak = detector.detect(context).get(0);

        assertThat(leak.suggestions()).extracting(Suggestion::command)
                .contains("jcmd 4242 GC.heap_dump /var/dumps/precog-heap-4242.hprof",
                        "jcmd 4242 GC.class_histogram",
                        "-XX:+HeapDumpOnOutOfMemoryError -XX:HeapDumpPath=/var/dumps");

        AnalysisContext alreadyDumping = new AnalysisContext(
                timeline, SyntheticHeap.end(59), null, GB, Path.of("/var/dumps"), Boolean.TRUE);
        assertThat(detector.detect(alreadyDumping).get(0).suggestions()).extracting(Suggestion::command)
                .contains("jcmd <pid> GC.class_histogram")
                .noneMatch(c -> c.contains("HeapDumpOnOutOfMemoryError"));
    }

    @Test
    void fastLeakWithoutAnyOldCollectionIsOnlyInfo() {
        // 15 MB/min from 100 MB and no old collection yet: about 247 MB at the end, full in about 52 minutes
        AnalysisContext context = linearLeak(100 * MB, 15 * MB, 60).context();

        List<Finding> findings = detector.detect(context);

        assertThat(findings).singleElement().satisfies(leak -> {
            assertThat(leak.severity()).isEqualTo(Severity.INFO);
            assertThat(number(leak, "oldCollections")).isZero();
            assertThat((String) leak.evidence().get("confidenceReason")).contains("promoted garbage");
        });
    }

    @Test
    void growthThatCameAfterTheOnlyOldCollectionIsNotConfirmedByIt() {
        // Flat at 100 MB, one full collection (a class histogram, say) in window 9, then 15 MB/min that may
        // be promoted garbage. That collection saw none of the growth, so it confirms none of it: in CI a
        // healthy cache's heap shrank after Precog's histogram, promoted its entries, and was called CRITICAL.
        IntToDoubleFunction afterFlat = i -> 100 * MB + Math.max(0, i - 9) * 15 * MB / 6;
        AnalysisContext before = SyntheticHeap.windows(60).liveSet(afterFlat).oldGcAt(9).context();
        AnalysisContext amid = SyntheticHeap.windows(60).liveSet(afterFlat).oldGcAt(40).context();

        assertOneLeak(before, Severity.INFO, 0);
        // Past halfway through the growth it kept what it saw: that confirms it.
        assertOneLeak(amid, Severity.WARNING, 1);
    }

    @Test
    void fullCollectionConfirmsTheGrowthItSawThoughMoreCameAfter() {
        // Flat at 100 MB, then 15 MB/min; a collection in window 18 saw 20 of the 125 MB. A full one
        // (a class histogram) leaves only live objects, so it kept all it saw: confirmed. A G1 mixed
        // phase at the same moment may have left promoted garbage behind, and is not enough alone.
        IntToDoubleFunction afterFlat = i -> 100 * MB + Math.max(0, i - 10) * 15 * MB / 6;
        AnalysisContext full = SyntheticHeap.windows(60).liveSet(afterFlat).fullGcAt(18).context();
        AnalysisContext mixed = SyntheticHeap.windows(60).liveSet(afterFlat).oldGcAt(18).context();

        assertOneLeak(full, Severity.WARNING, 1);
        assertOneLeak(mixed, Severity.INFO, 0);
    }

    @Test
    void fullCollectionThatFoundOnlyGarbageConfirmsNothing() {
        // 20 MB piled up by window 18 and the full collection there took it all back: promoted
        // garbage. The 15 MB/min rise after it is then no more confirmed than before any collection.
        IntToDoubleFunction refilled = i -> 100 * MB + (i < 10 ? 0 : i <= 18 ? i - 10 : i - 18) * 15 * MB / 6;
        AnalysisContext context = SyntheticHeap.windows(60).liveSet(refilled).fullGcAt(18).context();

        assertThat(detector.detect(context)).allSatisfy(leak -> {
            assertThat(leak.severity()).isEqualTo(Severity.INFO);
            assertThat(number(leak, "oldCollections")).isZero();
        });
    }

    @Test
    void slowLeakWithoutAnyOldCollectionIsHeldBackUntilOneRuns() {
        // The leak of the first test, but no old collection has run: it may still be promoted
        // garbage, and it would not fill the heap within the hour, so nothing is said yet.
        AnalysisContext unconfirmed = linearLeak(100 * MB, LEAK_PER_MINUTE, 60).context();
        AnalysisContext confirmed = linearLeak(100 * MB, LEAK_PER_MINUTE, 60).oldGcEvery(30).context();

        assertThat(detector.detect(unconfirmed)).isEmpty();
        assertThat(forecaster.forecast(unconfirmed).orElseThrow().timeToThresholdSeconds()).isNull();
        assertThat(detector.detect(confirmed)).singleElement()
                .extracting(Finding::severity).isEqualTo(Severity.WARNING);
    }

    @Test
    void leakNearlyFillingTheHeapIsCritical() {
        // 3 MB/min from 860 MB: about 887 MB at the end, 87% of 1 GB, full in about 45 minutes.
        AnalysisContext context = linearLeak(860 * MB, 3 * MB, 60).oldGcEvery(6).context();

        List<Finding> findings = detector.detect(context);

        assertThat(findings).singleElement().satisfies(leak -> {
            assertThat(leak.severity()).isEqualTo(Severity.CRITICAL);
            assertThat(number(leak, "fractionOfMaxHeap")).isGreaterThan(MemoryLeakDetector.CRITICAL_FILL);
        });
    }

    @Test
    void fastLeakWithLessThanFifteenMinutesLeftIsCriticalBelowTheFillThreshold() {
        // 30 MB/min from 400 MB: about 695 MB (68%) at the end, full in about 11 minutes.
        AnalysisContext context = linearLeak(400 * MB, 30 * MB, 60).oldGcEvery(6).context();

        List<Finding> findings = detector.detect(context);

        assertThat(findings).singleElement().satisfies(leak -> {
            assertThat(leak.severity()).isEqualTo(Severity.CRITICAL);
            assertThat(number(leak, "fractionOfMaxHeap")).isLessThan(MemoryLeakDetector.CRITICAL_FILL);
        });
        assertThat(forecaster.forecast(context).orElseThrow().timeToThresholdSeconds())
                .isLessThan(MemoryLeakDetector.CRITICAL_SECONDS_LEFT);
    }

    @Test
    void slowLeakOnANearlyFullHeapIsCritical() {
        AnalysisContext context = linearLeak(880 * MB, LEAK_PER_MINUTE, 60).oldGcEvery(6).context();

        assertThat(detector.detect(context)).singleElement()
                .extracting(Finding::severity).isEqualTo(Severity.CRITICAL);
        assertThat(forecaster.forecast(context).orElseThrow().timeToThresholdSeconds()).isLessThan(2 * 3600);
    }

    @Test
    void leakOnATypicalLiveSetIsReportedOnceItsGrowthReachesTwoPercentOfMaxHeap() {
        // From 256 MB the "matters" gate needs 2% of 1 GB (about 21 MB): some 12 minutes at 2 MB/min.
        AnalysisContext context = linearLeak(256 * MB, LEAK_PER_MINUTE, 80).oldGcEvery(6).context();

        assertThat(detector.detect(context)).singleElement().satisfies(leak -> {
            assertThat(leak.severity()).isEqualTo(Severity.WARNING);
            assertThat(number(leak, "growthBytesPerMinute")).isCloseTo(LEAK_PER_MINUTE, within(0.2 * LEAK_PER_MINUTE));
        });
    }

    @Test
    void leakIsDetectedWithoutKnowingTheMaxHeapButWithoutFillOrDeadline() {
        SyntheticHeap heap = linearLeak(100 * MB, LEAK_PER_MINUTE, 60).oldGcEvery(6);
        AnalysisContext context = new AnalysisContext(heap.timeline(), SyntheticHeap.end(59), null, null, null, null);

        assertThat(detector.detect(context)).singleElement().satisfies(leak -> {
            assertThat(leak.severity()).isEqualTo(Severity.WARNING);
            assertThat(leak.evidence()).doesNotContainKeys("heapMaxBytes", "fractionOfMaxHeap");
            assertThat(leak.summary()).doesNotContain("full in about");
        });
        assertThat(forecaster.forecast(context)).isEmpty();
    }

    @Test
    void flatNoisyLiveSetIsNotALeak() {
        for (long seed = 1; seed <= 5; seed++) {
            AnalysisContext context = SyntheticHeap.windows(60)
                    .liveSet(i -> 300 * MB).noise(5 * MB, seed).oldGcEvery(6).context();

            assertThat(detector.detect(context)).as("seed %d", seed).isEmpty();
            assertThat(forecaster.forecast(context)).as("seed %d", seed).hasValueSatisfying(f -> {
                assertThat(f.timeToThresholdSeconds()).isNull();
                assertThat(f.timeToThresholdLowSeconds()).isNull();
                assertThat(f.timeToThresholdHighSeconds()).isNull();
            });
        }
    }

    @Test
    void warmUpThatPlateausIsNotALeak() {
        // rises 200 MB over the first 30% (18 windows), then flat for the remaining 70%
        for (long seed = 1; seed <= 3; seed++) {
            AnalysisContext context = SyntheticHeap.windows(60)
                    .liveSet(i -> 100 * MB + 200 * MB * Math.min(i, 18) / 18.0)
                    .noise(MB, seed).oldGcEvery(6).context();

            assertThat(detector.detect(context)).as("seed %d", seed).isEmpty();
        }
    }

    @Test
    void sawtoothThatReturnsToItsFloorIsNotALeak() {
        // promoted garbage builds for 20 windows, an old collection takes it back; three times
        for (long seed = 1; seed <= 5; seed++) {
            AnalysisContext context = SyntheticHeap.windows(60)
                    .liveSet(i -> 200 * MB + 5 * MB * (i % 20))
                    .noise(MB, seed).oldGcEvery(20).context();

            assertThat(detector.detect(context)).as("seed %d", seed).isEmpty();
        }
    }

    @Test
    void slowerSawtoothThatReturnsToItsFloorIsNotALeak() {
        for (long seed = 1; seed <= 5; seed++) {
            AnalysisContext context = SyntheticHeap.windows(90)
                    .liveSet(i -> 200 * MB + 5 * MB * (i % 30))
                    .noise(MB, seed).oldGcEvery(30).context();

            assertThat(detector.detect(context)).as("seed %d", seed).isEmpty();
        }
    }

    @Test
    void oneTimeStepIsNotAWarning() {
        for (int stepAt : new int[] {20, 30, 40, 50}) {
            for (double jump : new double[] {50 * MB, 300 * MB}) {
                AnalysisContext context = SyntheticHeap.windows(60)
                        .liveSet(i -> 200 * MB + (i >= stepAt ? jump : 0))
                        .noise(MB, stepAt).oldGcEvery(6).context();

                assertThat(detector.detect(context))
                        .as("step of %.0f MB at window %d", jump / MB, stepAt)
                        .noneMatch(f -> f.kind() == FindingKind.MEMORY_LEAK && f.severity().atLeast(Severity.WARNING));
            }
        }
    }

    @Test
    void tooFewPointsGiveNeitherFindingNorForecast() {
        AnalysisContext context = SyntheticHeap.windows(5)
                .liveSet(i -> 100 * MB + 50 * MB * i).oldGcEvery(1).context();

        assertThat(detector.detect(context)).isEmpty();
        assertThat(forecaster.forecast(context)).isEmpty();
    }

    @Test
    void ninePointsAreTheMinimumForAVerdict() {
        // one point is warm-up, SeriesTrend.MIN_POINTS = 8 remain
        SyntheticHeap steep = SyntheticHeap.windows(SeriesTrend.MIN_POINTS).liveSet(i -> 100 * MB + 20 * MB * i).oldGcEvery(1);
        SyntheticHeap oneMore = SyntheticHeap.windows(SeriesTrend.MIN_POINTS + 1).liveSet(i -> 100 * MB + 20 * MB * i).oldGcEvery(1);

        assertThat(detector.detect(steep.context())).isEmpty();
        assertThat(detector.detect(oneMore.context())).singleElement().satisfies(leak ->
                assertThat((String) leak.evidence().get("confidenceReason")).contains("short history lowers confidence"));
    }

    @Test
    void noHeapSignalAtAllIsNotApplicableRatherThanAnError() {
        AnalysisContext context = new AnalysisContext(new Timeline(10), SyntheticHeap.T0, null, null, null, null);

        assertThat(detector.detect(context)).isEmpty();
        assertThat(forecaster.forecast(context)).isEmpty();
        assertThat(detector.kind()).isEqualTo(FindingKind.MEMORY_LEAK);
    }

    @Test
    void significantButTinyGrowthDoesNotMatter() {
        // a 10 MB live set growing 0.2 MB/min: clearly monotonic, 10% of its level, but under 2 MB in total
        AnalysisContext context = SyntheticHeap.windows(60)
                .liveSet(i -> 10 * MB + 0.2 * MB * i / WINDOWS_PER_MINUTE).oldGcEvery(6).context();

        assertThat(context.liveSetTrend().orElseThrow().mannKendall().pIncreasing())
                .isLessThan(LiveSetTrend.SIGNIFICANCE);
        assertThat(detector.detect(context)).isEmpty();
    }

    /** The detector finds one leak in {@code context}, of this severity, confirmed by this many old collections. */
    private void assertOneLeak(AnalysisContext context, Severity severity, int oldCollections) {
        assertThat(detector.detect(context)).singleElement().satisfies(leak -> {
            assertThat(leak.severity()).isEqualTo(severity);
            assertThat(number(leak, "oldCollections")).isEqualTo(oldCollections);
        });
    }

    private static double number(Finding finding, String key) {
        Object value = finding.evidence().get(key);
        assertThat(value).as(key).isInstanceOf(Number.class);
        return ((Number) value).doubleValue();
    }
}
