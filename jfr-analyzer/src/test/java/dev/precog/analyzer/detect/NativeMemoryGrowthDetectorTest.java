package dev.precog.analyzer.detect;

import static org.assertj.core.api.Assertions.assertThat;

import dev.precog.analyzer.timeline.Timeline;
import dev.precog.model.FindingKind;
import dev.precog.model.Metric;
import dev.precog.model.Severity;
import dev.precog.model.Window;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntToDoubleFunction;
import org.junit.jupiter.api.Test;

class NativeMemoryGrowthDetectorTest {

    private static final long MB = 1024L * 1024;
    private static final Instant T0 = Instant.parse("2025-03-01T12:00:00Z");
    private static final Duration WINDOW = Duration.ofSeconds(5);

    private final NativeMemoryGrowthDetector detector = new NativeMemoryGrowthDetector();

    @Test
    void directBuffersGrowingOutsideAFlatHeapAreNamed() {
        // 2 MB/s of direct buffers for 100 windows of 5 s: 1 GB
        AnalysisContext context = context(100, i -> 300 * MB + 10 * MB * i, i -> 60 * MB, i -> 10 * MB * i);

        assertThat(detector.detect(context)).singleElement().satisfies(f -> {
            assertThat(f.kind()).isEqualTo(FindingKind.NATIVE_MEMORY_GROWTH);
            assertThat(f.severity()).isEqualTo(Severity.WARNING);
            assertThat(f.suspects().get(0).className()).isEqualTo("java.nio.DirectByteBuffer");
            assertThat(f.suspects().get(0).growthBytes()).isGreaterThan(800 * MB); // growth after the warm-up tenth
            assertThat(f.summary()).startsWith("Native memory grows 120.0 MB/min");
        });
    }

    @Test
    void residentMemoryFollowingTheHeapAsItIsTouchedIsNotNativeGrowth() {
        // the heap in use climbs to 1 GB of a 1 GB committed heap; RSS follows it page by page
        AnalysisContext context = context(100, i -> 200 * MB + 10 * MB * i, i -> 10 * MB * i, i -> 0);

        assertThat(detector.detect(context)).isEmpty();
    }

    @Test
    void growthWithoutDirectBuffersPointsAtNativeMemoryTracking() {
        AnalysisContext context = context(100, i -> 300 * MB + 5 * MB * i, i -> 60 * MB, i -> 0);

        assertThat(detector.detect(context)).singleElement().satisfies(f -> {
            assertThat(f.suspects()).isEmpty();
            assertThat(f.suggestions().get(0).command()).isEqualTo("jcmd 9 VM.native_memory summary.diff");
        });
    }

    @Test
    void smallOrFlatResidentMemoryIsNotReported() {
        assertThat(detector.detect(context(100, i -> 300 * MB + (i % 7) * MB, i -> 60 * MB, i -> 0))).isEmpty();
        assertThat(detector.detect(context(100, i -> 300 * MB + MB * i / 4, i -> 60 * MB, i -> 0))).isEmpty();
    }

    @Test
    void withoutResidentMemoryReadingsThereIsNoVerdict() {
        assertThat(detector.detect(context(100, i -> Double.NaN, i -> 60 * MB, i -> 0))).isEmpty();
    }

    /** A JDK 17 recording has no resident set: its direct buffers are the native memory it shows. */
    @Test
    void withoutResidentMemoryGrowingDirectBuffersAreNativeGrowth() {
        AnalysisContext context = context(100, i -> Double.NaN, i -> 60 * MB, i -> 10 * MB * i);

        assertThat(detector.detect(context)).singleElement().satisfies(f -> {
            assertThat(f.kind()).isEqualTo(FindingKind.NATIVE_MEMORY_GROWTH);
            assertThat(f.evidence()).containsEntry("basis", "direct-buffers").doesNotContainKey("nonHeapResidentBytes");
            assertThat(f.suspects()).singleElement().satisfies(s -> {
                assertThat(s.className()).isEqualTo("java.nio.DirectByteBuffer");
                assertThat(s.share()).isEqualTo(1.0);
            });
            assertThat(f.summary()).startsWith("Native memory held by direct ByteBuffers grows 120.0 MB/min")
                    .contains("no resident set in this recording");
        });
        // a few MB of buffers more is no growth worth reporting, with or without the resident set
        assertThat(detector.detect(context(100, i -> Double.NaN, i -> 60 * MB, i -> MB * i / 4))).isEmpty();
    }

    private static AnalysisContext context(int windows, IntToDoubleFunction rss, IntToDoubleFunction heapUsed,
            IntToDoubleFunction direct) {
        Timeline timeline = new Timeline(windows);
        for (int i = 0; i < windows; i++) {
            Map<Metric, Double> v = new EnumMap<>(Metric.class);
            if (!Double.isNaN(rss.applyAsDouble(i))) {
                v.put(Metric.PROCESS_RSS, rss.applyAsDouble(i));
            }
            v.put(Metric.HEAP_COMMITTED, 1024.0 * MB);
            v.put(Metric.HEAP_USED_BEFORE_GC, heapUsed.applyAsDouble(i));
            v.put(Metric.METASPACE_COMMITTED, 40.0 * MB);
            v.put(Metric.DIRECT_BUFFER_USED, direct.applyAsDouble(i));
            v.put(Metric.DIRECT_BUFFER_COUNT, direct.applyAsDouble(i) / (64 * 1024));
            v.put(Metric.HOST_MEMORY_AVAILABLE, 20_000.0 * MB);
            Instant start = T0.plus(WINDOW.multipliedBy(i));
            timeline.add(new Window(start, start.plus(WINDOW), v, Map.of(), List.of(), 10));
        }
        return new AnalysisContext(timeline, T0.plus(WINDOW.multipliedBy(windows)), 9L, 1024 * MB, null, Boolean.TRUE);
    }
}
