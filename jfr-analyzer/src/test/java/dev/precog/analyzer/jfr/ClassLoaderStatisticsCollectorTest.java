package dev.precog.analyzer.jfr;

import static org.assertj.core.api.Assertions.assertThat;

import dev.precog.analyzer.evidence.CensusDiff;
import dev.precog.analyzer.evidence.LoaderCensus;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Snapshots of jdk.ClassLoaderStatistics events become a first-versus-latest census diff. */
class ClassLoaderStatisticsCollectorTest {

    private static final Instant T0 = Instant.parse("2025-03-01T12:00:00Z");
    private static final String TEMPLATES = "com.acme.TemplateClassLoader";

    private final ClassLoaderStatisticsCollector collector = new ClassLoaderStatisticsCollector();

    @Test
    void firstAndLatestSnapshotsAreComparedPerLoaderType() {
        snapshot(T0, 2);
        // a chunk's end and the next chunk's start report the same loaders almost at once: two snapshots
        snapshot(T0.plusSeconds(60), 30);
        snapshot(T0.plusSeconds(60).plusMillis(1), 30);
        snapshot(T0.plusSeconds(90), 50);

        CensusDiff diff = collector.diff();

        assertThat(collector.snapshots()).isEqualTo(4);
        assertThat(diff.span()).isEqualTo(Duration.ofSeconds(90));
        assertThat(diff.growth()).containsExactly(
                new CensusDiff.Growth(TEMPLATES, 48 * 10, 50 * 10),
                new CensusDiff.Growth(LoaderCensus.loadersKey(TEMPLATES), 48, 50));
    }

    @Test
    void oneSnapshotIsNoEvidence() {
        snapshot(T0, 5);

        assertThat(collector.diff()).isNull();
    }

    /** The boot loader, the app loader and {@code templates} template loaders of 10 classes each. */
    private void snapshot(Instant at, int templates) {
        collector.add(at, 1, LoaderCensus.BOOTSTRAP, 2_000);
        collector.add(at, 2, "jdk.internal.loader.ClassLoaders$AppClassLoader", 300);
        for (int i = 0; i < templates; i++) {
            collector.add(at.plusNanos(1_000L * i), 100 + i, TEMPLATES, 10);
        }
    }
}
