package dev.precog.analyzer.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import dev.precog.analyzer.evidence.HistogramDiff.ClassGrowth;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HistogramDiffTest {

    private static final Instant T1 = ClassHistogramTest.T1;

    private static ClassHistogram histogram(Instant at, Map<String, ClassHistogram.Entry> classes) {
        return new ClassHistogram(at, classes, 0);
    }

    private static ClassHistogram.Entry e(long instances, long bytes) {
        return new ClassHistogram.Entry(instances, bytes);
    }

    @Test
    void realHistogramsNameTheLeakingClass() {
        HistogramDiff diff = HistogramDiff.between(ClassHistogramTest.first(), ClassHistogramTest.second());

        assertThat(diff.span()).isEqualTo(Duration.ofSeconds(6));
        // the three classes the program kept more of, largest byte growth first
        assertThat(diff.growth()).startsWith(
                new ClassGrowth("[B", 10_001, 560_024, 34_861, 2_184_440),
                new ClassGrowth("Leaky$Session", 5_000, 160_000, 10_000, 320_000),
                new ClassGrowth("java.lang.String", 5_001, 120_024, 24_699, 592_776));
        assertThat(diff.growth()).extracting(ClassGrowth::className)
                // unchanged between the two histograms
                .doesNotContain("java.util.HashMap$Node", "java.lang.Class")
                // the ArrayList's backing array grew in bytes but it is still the same 2262 arrays
                .doesNotContain("[Ljava.lang.Object;");
        assertThat(diff.growth()).isSortedAccordingTo((a, b) -> Long.compare(b.bytesAdded(), a.bytesAdded()));
        assertThat(diff.totalBytesAdded())
                .isEqualTo(diff.growth().stream().mapToLong(ClassGrowth::bytesAdded).sum())
                .isGreaterThanOrEqualTo(560_024L + 160_000 + 120_024);
    }

    @Test
    void onlyClassesWithMoreInstancesAndMoreBytes() {
        ClassHistogram first = histogram(T1, Map.of(
                "com.acme.Both", e(10, 1_000),
                "com.acme.MoreInstancesFewerBytes", e(10, 1_000),
                "com.acme.SameInstancesMoreBytes", e(10, 1_000),
                "com.acme.Shrinking", e(10, 1_000),
                "com.acme.Unchanged", e(10, 1_000),
                "com.acme.Gone", e(10, 1_000)));
        ClassHistogram second = histogram(T1.plusSeconds(30), Map.of(
                "com.acme.Both", e(12, 1_200),
                "com.acme.MoreInstancesFewerBytes", e(20, 900),
                "com.acme.SameInstancesMoreBytes", e(10, 5_000),
                "com.acme.Shrinking", e(5, 500),
                "com.acme.Unchanged", e(10, 1_000),
                "com.acme.New", e(3, 96)));

        HistogramDiff diff = HistogramDiff.between(first, second);

        assertThat(diff.growth()).containsExactly(
                new ClassGrowth("com.acme.Both", 2, 200, 12, 1_200),
                new ClassGrowth("com.acme.New", 3, 96, 3, 96));
        assertThat(diff.first()).isSameAs(first);
        assertThat(diff.second()).isSameAs(second);
        assertThat(diff.span()).isEqualTo(Duration.ofSeconds(30));
        assertThat(diff.totalBytesAdded()).isEqualTo(296);
    }

    @Test
    void sortedByBytesAddedNotByInstances() {
        ClassHistogram first = histogram(T1, Map.of());
        ClassHistogram second = histogram(T1.plusSeconds(10), Map.of(
                "java.lang.String", e(5_000, 120_000),
                "[B", e(5_000, 40_000_000),
                "com.acme.UserSession", e(5_000, 160_000),
                "java.util.HashMap$Node", e(100, 3_200)));

        HistogramDiff diff = HistogramDiff.between(first, second);

        assertThat(diff.growth()).extracting(ClassGrowth::className)
                .containsExactly("[B", "com.acme.UserSession", "java.lang.String", "java.util.HashMap$Node");
        assertThat(diff.totalBytesAdded()).isEqualTo(40_000_000L + 160_000 + 120_000 + 3_200);
    }

    @Test
    void nothingGrew() {
        ClassHistogram h = histogram(T1, Map.of("[B", e(10, 1_000)));

        HistogramDiff diff = HistogramDiff.between(h, histogram(T1.plusMillis(1_500), h.classes()));

        assertThat(diff.growth()).isEmpty();
        assertThat(diff.totalBytesAdded()).isZero();
        assertThat(diff.span()).isEqualTo(Duration.ofMillis(1_500));
    }
}
