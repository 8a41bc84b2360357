package dev.precog.analyzer.jfr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;
import static org.awaitility.Awaitility.await;

import dev.precog.model.Metric;
import dev.precog.model.Window;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class G1IhopHandlerTest {

    private static volatile Object sink;

    @TempDir
    Path dir;

    private static long youngCollections() {
        return ManagementFactory.getGarbageCollectorMXBeans().stream().filter(b -> b.getName().contains("Young"))
                .mapToLong(GarbageCollectorMXBean::getCollectionCount).sum();
    }

    @Test
    void eachWindowHoldsHowFarTheOldGenerationMayGrowBeforeG1Marks() throws Exception {
        assumeThat(ManagementFactory.getGarbageCollectorMXBeans()).as("this test JVM runs G1")
                .anyMatch(b -> b.getName().startsWith("G1"));
        Path file = dir.resolve("ihop.jfr");
        try (Recording recording = new Recording()) {
            recording.enable(G1IhopHandler.EVENT);
            recording.start();
            // young collections, each reporting G1's threshold and the old generation's occupancy
            long before = youngCollections();
            await().atMost(Duration.ofMinutes(2)).until(() -> {
                for (int i = 0; i < 1000; i++) {
                    sink = new byte[64 * 1024];
                }
                return youngCollections() >= before + 3;
            });
            recording.stop();
            recording.dump(file);
        }
        // the last event of each second, as the window keeps it
        TreeMap<Instant, Double> expected = new TreeMap<>();
        for (RecordedEvent e : RecordingFile.readAllEvents(file)) {
            if (e.getEventType().getName().equals(G1IhopHandler.EVENT)) {
                Instant second = Instant.ofEpochSecond(e.getStartTime().getEpochSecond());
                expected.put(second, (double) Math.max(0, e.getLong("threshold") - e.getLong("currentOccupancy")));
            }
        }
        List<Window> windows = new ArrayList<>();
        new RecordingFileSource(file, Duration.ofSeconds(1)).replay(new RecordedJvmFacts(), windows::add);

        assertThat(expected).isNotEmpty();
        assertThat(windows).filteredOn(w -> w.value(Metric.GC_MARKING_HEADROOM).isPresent()).hasSize(expected.size())
                .allSatisfy(w -> assertThat(w.value(Metric.GC_MARKING_HEADROOM).getAsDouble())
                        .isEqualTo(expected.get(w.start()))
                        // never negative (none left once the old generation reaches the threshold), under the heap
                        .isNotNegative().isLessThan((double) Runtime.getRuntime().maxMemory()));
    }
}
