package dev.precog.analyzer.detect;

import static org.assertj.core.api.Assertions.assertThat;

import dev.precog.analyzer.evidence.Evidence;
import dev.precog.analyzer.timeline.Timeline;
import dev.precog.model.Finding;
import dev.precog.model.FindingKind;
import dev.precog.model.Metric;
import dev.precog.model.Severity;
import dev.precog.model.Suggestion;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;

/** Host and container memory readings over 10-second windows, through the whole detector. */
class HostMemoryPressureDetectorTest {

    private static final Instant T0 = Instant.parse("2025-03-01T12:00:00Z");
    private static final Duration WINDOW = Duration.ofSeconds(10);
    private static final double GB = 1024.0 * 1024 * 1024;
    private static final double MB = 1024.0 * 1024;

    private static List<Finding> detect(int windows, IntFunction<Map<Metric, Double>> readings) {
        return detect(windows, WINDOW, readings);
    }

    /** As {@link #detect(int, IntFunction)}, the last window lasting {@code last} (a recording stops where it stops). */
    private static List<Finding> detect(int windows, Duration last, IntFunction<Map<Metric, Double>> readings) {
        Timeline timeline = AccumulatedWindows.timeline(T0, windows, WINDOW, last, (acc, i) -> readings.apply(i).forEach(acc::record));
        AnalysisContext context = new AnalysisContext(timeline, AccumulatedWindows.end(timeline), 4242L, 1L << 30, null,
                Boolean.TRUE, Evidence.NONE);
        return new HostMemoryPressureDetector().detect(context);
    }

    private static Map<Metric, Double> healthyHost() {
        return Map.of(Metric.HOST_MEMORY_TOTAL, 16 * GB, Metric.HOST_MEMORY_AVAILABLE, 9 * GB, Metric.PROCESS_RSS, 1.5 * GB);
    }

    @Test
    void aContainerAtItsLimitIsCriticalAndThisJvmIsTold() {
        List<Finding> findings = detect(6, i -> Map.of(Metric.CONTAINER_MEMORY_LIMIT, 2 * GB, Metric.CONTAINER_MEMORY_USED,
                1.98 * GB, Metric.PROCESS_RSS, 1.8 * GB, Metric.HOST_MEMORY_TOTAL, 16 * GB, Metric.HOST_MEMORY_AVAILABLE, 9 * GB));

        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.kind()).isEqualTo(FindingKind.HOST_MEMORY_PRESSURE);
            assertThat(f.severity()).isEqualTo(Severity.CRITICAL);
            assertThat(f.summary()).isEqualTo("Memory runs short: the container uses 99% of its 2.0 GB limit");
            assertThat(f.evidence()).containsEntry("containerUsedShare", 0.99).containsEntry("processShareOfUsed", 0.909);
            assertThat(f.suggestions()).extracting(Suggestion::command).first().isEqualTo("jcmd 4242 VM.native_memory summary");
        });
    }

    @Test
    void aWorkingSetRisingToTheLimitWarnsBeforeItGetsThere() {
        // 1.0 GB rising 12 MB per window (72 MB/min) towards 2 GB: at 85% now, the limit in about 4 minutes
        List<Finding> findings = detect(60, i -> Map.of(Metric.CONTAINER_MEMORY_LIMIT, 2 * GB,
                Metric.CONTAINER_MEMORY_USED, 1.0 * GB + 12 * MB * i + (i % 3) * MB, Metric.PROCESS_RSS, 1.0 * GB));

        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.WARNING);
            assertThat(f.summary()).startsWith("Memory runs short: the container uses 85% of its 2.0 GB limit and reaches it in about 4m");
            assertThat((Long) f.evidence().get("containerSecondsToLimit")).isBetween(200L, 300L);
        });
    }

    @Test
    void aLowHostIsAWarningThatPointsElsewhereWhenThisJvmIsSmall() {
        List<Finding> findings = detect(6, i -> Map.of(Metric.HOST_MEMORY_TOTAL, 16 * GB, Metric.HOST_MEMORY_AVAILABLE, 1.2 * GB,
                Metric.PROCESS_RSS, 0.5 * GB));

        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.WARNING);
            assertThat(f.summary()).isEqualTo("Memory runs short: the host has only 1.2 GB of 16.0 GB available");
            assertThat(f.suggestions().get(0).command()).startsWith("ps -eo pid,rss,comm");
        });
    }

    @Test
    void aRiseFarFromTheLimitIsNoPressure() {
        // a heap growing into its -Xmx at start-up: fast, but at half the limit
        assertThat(detect(60, i -> Map.of(Metric.CONTAINER_MEMORY_LIMIT, 4 * GB,
                Metric.CONTAINER_MEMORY_USED, 1.0 * GB + 16 * MB * i, Metric.PROCESS_RSS, 1.0 * GB))).isEmpty();
    }

    @Test
    void growingSwapWithPlentyAvailableIsNothing() {
        assertThat(detect(40, i -> Map.of(Metric.HOST_MEMORY_TOTAL, 16 * GB, Metric.HOST_MEMORY_AVAILABLE, 6 * GB,
                Metric.HOST_SWAP_TOTAL, 8 * GB, Metric.HOST_SWAP_USED, 100 * MB + 4 * MB * i))).isEmpty();
    }

    @Test
    void growingSwapOnAHostShortOfMemoryIsAWarning() {
        List<Finding> findings = detect(40, i -> Map.of(Metric.HOST_MEMORY_TOTAL, 16 * GB, Metric.HOST_MEMORY_AVAILABLE, 2 * GB,
                Metric.HOST_SWAP_TOTAL, 8 * GB, Metric.HOST_SWAP_USED, 100 * MB + 4 * MB * i));

        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.summary()).isEqualTo("Memory runs short: swap in use grows by 24.0 MB/min");
            assertThat(f.suggestions()).extracting(Suggestion::command).contains("vmstat 1");
        });
    }

    @Test
    void aDipInTheLastWindowAndTheHalfSecondARecordingStopsOnIsNoPressure() {
        // two windows of the last four, but 10.5 s of 30.5 s
        IntFunction<Map<Metric, Double>> dipAtTheEnd = i -> i >= 5
                ? Map.of(Metric.HOST_MEMORY_TOTAL, 16 * GB, Metric.HOST_MEMORY_AVAILABLE, 0.3 * GB)
                : healthyHost();

        assertThat(detect(7, Duration.ofMillis(500), dipAtTheEnd)).isEmpty();
        assertThat(detect(7, dipAtTheEnd)).singleElement().satisfies(f -> assertThat(f.severity()).isEqualTo(Severity.CRITICAL));
    }

    @Test
    void aHealthyHostAnUnlimitedContainerAndAOneWindowDipAreNothing() {
        assertThat(detect(30, i -> healthyHost())).isEmpty();
        assertThat(detect(30, i -> Map.of(Metric.CONTAINER_MEMORY_USED, 12 * GB, Metric.HOST_MEMORY_TOTAL, 16 * GB,
                Metric.HOST_MEMORY_AVAILABLE, 3 * GB))).isEmpty();
        assertThat(detect(6, i -> i == 5 ? Map.of(Metric.HOST_MEMORY_TOTAL, 16 * GB, Metric.HOST_MEMORY_AVAILABLE, 0.3 * GB)
                : healthyHost())).isEmpty();
    }
}
