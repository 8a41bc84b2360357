package dev.precog.analyzer.detect;

import static dev.precog.analyzer.detect.SyntheticThreads.WINDOWS_PER_MINUTE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.precog.analyzer.evidence.CensusDiff;
import dev.precog.analyzer.evidence.CensusDiff.Growth;
import dev.precog.analyzer.timeline.Timeline;
import dev.precog.model.Finding;
import dev.precog.model.FindingKind;
import dev.precog.model.Severity;
import dev.precog.model.Suggestion;
import dev.precog.model.Suspect;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Synthetic thread counts over 10-second windows. Tunables that shape the data below (see
 * {@link ThreadLeakDetector}): at least {@link SeriesTrend#MIN_POINTS} + 1 points, the first 10%
 * dropped as warm-up, a rise that is significant, persistent and not a plateau, by at least 10
 * threads and 20% of the starting count (or 100 threads), CRITICAL above 1000 threads or when
 * 2000 are reached within the hour.
 */
class ThreadLeakDetectorTest {

    private static final Instant CENSUS_END = SyntheticThreads.end(59);
    /** What the agent's two censuses two minutes apart would show in a service leaking exporters. */
    private static final CensusDiff EXPORTERS = new CensusDiff(CENSUS_END.minus(Duration.ofMinutes(2)), CENSUS_END,
            List.of(new Growth("report-exporter-N", 37, 52), new Growth("RMI TCP Connection(N)-N.N.N.N", 2, 3),
                    new Growth("precog-shutdown", 1, 1)));

    private final ThreadLeakDetector detector = new ThreadLeakDetector();

    /** {@code base} threads gaining {@code perMinute}, with up to 3 short-lived extra threads per window. */
    private static SyntheticThreads leaking(double base, double perMinute, int windows) {
        return SyntheticThreads.windows(windows).threads(i -> base + perMinute * i / WINDOWS_PER_MINUTE).jitter(3, 7);
    }

    @Test
    void growingThreadCountIsAWarningNamingThePatternThatGrewMost() {
        List<Finding> findings = detector.detect(leaking(40, 2, 60).census(EXPORTERS).context());

        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.kind()).isEqualTo(FindingKind.THREAD_LEAK);
            assertThat(f.id()).isEqualTo("threads");
            assertThat(f.severity()).isEqualTo(Severity.WARNING);
            assertThat(f.confidence()).isBetween(0.9, 1.0);
            assertThat(number(f, "growthPerMinute")).isCloseTo(2.0, within(0.4));
            assertThat(number(f, "growthPerMinuteLow")).isPositive().isLessThanOrEqualTo(number(f, "growthPerMinute"));
            assertThat(number(f, "growthPerMinuteHigh")).isGreaterThanOrEqualTo(number(f, "growthPerMinute"));
            assertThat(number(f, "threadsNow")).isBetween(59.0, 62.0);
            assertThat(number(f, "windowsAnalysed")).isEqualTo(54.0);
            assertThat(number(f, "pValue")).isLessThan(SeriesTrend.SIGNIFICANCE);
            assertThat(f.evidence()).containsKeys("since", "confidenceReason", "censusSpanSeconds");
            assertThat((String) f.evidence().get("confidenceReason")).contains("Mann-Kendall p", "54 windows");
            assertThat(f.summary()).startsWith("Live threads grow ").contains("/min", "named report-exporter-N");

            Suspect first = f.suspects().get(0);
            assertThat(first.className()).isEqualTo("report-exporter-N");
            assertThat(first.basis()).isEqualTo(ThreadLeakDetector.CENSUS_BASIS);
            assertThat(first.detail()).isEqualTo("+37 threads in 2m00s; 52 alive");
            assertThat(first.growthInstances()).isEqualTo(37L);
            assertThat(first.growthBytes()).isNull();
            assertThat(first.share()).isCloseTo(37.0 / 40, within(1e-3));
            // a single new thread is not worth naming next to 37
            assertThat(f.suspects()).extracting(Suspect::className)
                    .containsExactly("report-exporter-N", "RMI TCP Connection(N)-N.N.N.N");
            assertThat(f.suggestions()).extracting(Suggestion::command).contains("jcmd 4242 Thread.print");
            assertThat(f.suggestions()).extracting(Suggestion::action)
                    .anyMatch(a -> a.contains("report-exporter-N"))
                    .anyMatch(a -> a.contains("Shut down the executors"));
        });
    }

    @Test
    void withoutACensusYetTheLeakIsReportedWithoutSuspects() {
        List<Finding> findings = detector.detect(leaking(40, 2, 60).context());

        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.suspects()).isEmpty();
            assertThat(f.evidence()).doesNotContainKey("censusSpanSeconds");
            assertThat(f.summary()).doesNotContain("named");
        });
    }

    @Test
    void defaultPoolNamesAddTheAdviceToNameThreads() {
        CensusDiff anonymous = new CensusDiff(CENSUS_END.minusSeconds(60), CENSUS_END,
                List.of(new Growth("pool-N-thread-N", 20, 30)));

        Finding f = detector.detect(leaking(40, 2, 60).census(anonymous).context()).get(0);

        assertThat(f.suggestions()).extracting(Suggestion::action).anyMatch(a -> a.contains("ThreadFactory"));
    }

    @Test
    void steadyPoolWithShortLivedThreadsIsNotALeak() {
        for (long seed = 1; seed <= 30; seed++) {
            SyntheticThreads steady = SyntheticThreads.windows(120).threads(i -> 40).jitter(4, seed).census(EXPORTERS);

            assertThat(detector.detect(steady.context())).as("seed %d", seed).isEmpty();
        }
    }

    @Test
    void poolFillingToItsMaximumThenStayingIsNotALeak() {
        // 20 threads growing to a maximum of 200 over the first 40 windows, then flat for 50
        SyntheticThreads filling = SyntheticThreads.windows(90).threads(i -> Math.min(200, 20 + 4.5 * i)).jitter(2, 3);

        assertThat(detector.detect(filling.context())).isEmpty();
        // while it was still filling it looked like a leak: the plateau is what clears it
        assertThat(detector.detect(SyntheticThreads.windows(40).threads(i -> 20 + 4.5 * i).jitter(2, 3).context()))
                .hasSize(1);
    }

    @Test
    void cachedPoolThatGrowsAndIsTrimmedBackIsNotALeak() {
        // bursts grow an elastic pool for 15 windows, its keep-alive then trims it back to 30
        SyntheticThreads sawtooth = SyntheticThreads.windows(90).threads(i -> 30 + 6 * (i % 20 < 15 ? i % 20 : 0));

        assertThat(detector.detect(sawtooth.context())).isEmpty();
    }

    @Test
    void tooFewWindowsGiveNoVerdict() {
        assertThat(detector.detect(leaking(40, 60, SeriesTrend.MIN_POINTS).context())).isEmpty();
        assertThat(detector.detect(leaking(40, 60, 1).context())).isEmpty();
        assertThat(detector.detect(new AnalysisContext(new Timeline(2), CENSUS_END, null, null, null, null))).isEmpty();
    }

    @Test
    void growthTooSmallToMatterIsNotReported() {
        // 7 threads more over ten minutes: below the 10-thread floor
        assertThat(detector.detect(SyntheticThreads.windows(60).threads(i -> 40 + 7.0 * i / 59).context())).isEmpty();
        // 15 threads more on a server of 400: above the floor, but under 20% of what it started with
        assertThat(detector.detect(SyntheticThreads.windows(60).threads(i -> 400 + 15.0 * i / 59).context())).isEmpty();
    }

    @Test
    void largeGrowthMattersOnABigServerToo() {
        // 150 threads more on a server of 1000 is under 20% of the start, but far beyond a warm-up
        List<Finding> findings = detector.detect(SyntheticThreads.windows(60).threads(i -> 1000 + 150.0 * i / 59).context());

        assertThat(findings).singleElement().extracting(Finding::severity).isEqualTo(Severity.CRITICAL);
    }

    @Test
    void leakHeadingForTwoThousandThreadsWithinTheHourIsCritical() {
        // 30 threads a minute from 300: about 570 at the end, 2000 in under 50 minutes
        Finding f = detector.detect(leaking(300, 30, 60).context()).get(0);

        assertThat(f.severity()).isEqualTo(Severity.CRITICAL);
        assertThat(number(f, "threadsNow")).isLessThan(ThreadLeakDetector.CRITICAL_THREADS);
        assertThat(f.summary()).contains("2000 in about");
    }

    @Test
    void leakThatStartedAfterALongSteadyStretchIsFound() {
        // 60 windows of a steady 40 threads, then 3 threads a minute for the next 60
        SyntheticThreads late = SyntheticThreads.windows(120).threads(i -> i < 60 ? 40 : 40 + 3.0 * (i - 60) / WINDOWS_PER_MINUTE)
                .jitter(2, 5);

        assertThat(detector.detect(late.context())).singleElement().satisfies(f -> {
            assertThat(Instant.parse((String) f.evidence().get("since"))).isAfter(SyntheticThreads.end(59));
            assertThat(number(f, "growthPerMinute")).isCloseTo(3.0, within(0.6));
        });
    }

    private static double number(Finding f, String key) {
        Object v = f.evidence().get(key);
        return v instanceof Number n ? n.doubleValue() : Double.NaN;
    }
}
