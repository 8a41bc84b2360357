package dev.precog.analyzer.jfr;

import static org.assertj.core.api.Assertions.assertThat;

import dev.precog.analyzer.evidence.HeapEvidence.OldObjectClass;
import example.shop.RetainingCart;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import jdk.jfr.Recording;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * jdk.OldObjectSample through a real recording of this test JVM. JFR samples an allocation when
 * it takes the slow path (a new TLAB or outside one), keeps up to 256 samples, drops those whose
 * objects die, and when the recording stops writes only the samples that survived a collection
 * after they were allocated: hence the System.gc() before stopping.
 */
class OldObjectSampleHandlerTest {

    private static final String RETAINED = RetainingCart.Item.class.getName();
    private static final String ALLOCATING_METHOD = RetainingCart.class.getName() + ".retain:";

    /** Kept alive until the recording is written. */
    private static final List<Object> KEEP = new ArrayList<>();

    @TempDir
    static Path dir;

    private static List<OldObjectClass> classes;
    private static long events;

    /**
     * Records the retaining cart, once more (three times at most) when JFR wrote no sample: in one
     * of five runs of the whole module the recording held none, never when this class ran alone.
     * JFR's sampler keeps 256 samples for the whole JVM, and earlier tests' recordings ("profile"
     * settings) may still hold them; a collection first lets it drop the dead ones.
     */
    @BeforeAll
    static void recordAndReplay() throws IOException, InterruptedException, UnreadableRecordingException {
        for (int attempt = 1; attempt <= 3 && events == 0; attempt++) {
            Path file = dir.resolve("old-objects-" + attempt + ".jfr");
            System.gc();
            try (Recording recording = new Recording()) {
                recording.enable(OldObjectSampleHandler.EVENT).with("cutoff", "0 ns").withStackTrace();
                recording.start();
                RetainingCart.retain(KEEP);
                System.gc();
                recording.stop();
                recording.dump(file);
            } finally {
                KEEP.clear();
            }
            RecordedJvmFacts facts = new RecordedJvmFacts();
            try {
                events = new RecordingFileSource(file, Duration.ofSeconds(1)).replay(facts, w -> {}).events();
            } catch (UnreadableRecordingException noSample) {
                if (attempt == 3) {
                    throw noSample;
                }
                continue;
            }
            classes = facts.oldObjects().classes();
        }
    }

    private static OldObjectClass classNamed(String name) {
        return classes.stream().filter(c -> c.className().equals(name)).findFirst().orElseThrow(
                () -> new AssertionError(name + " not among the old objects: " + classes));
    }

    @Test
    void theRetainedApplicationClassIsAmongTheOldObjectsWithItsAllocationSite() {
        OldObjectClass retained = classNamed(RETAINED);

        assertThat(retained.samples()).isPositive();
        assertThat(retained.allocatedBy()).startsWith(ALLOCATING_METHOD);
        assertThat(Integer.parseInt(retained.allocatedBy().substring(ALLOCATING_METHOD.length()))).isPositive();
        assertThat(retained.stackTop()).isNotEmpty().hasSizeLessThanOrEqualTo(5);
        assertThat(retained.stackTop().get(0)).isEqualTo(retained.allocatedBy());
    }

    @Test
    void byteArraysKeepJfrsArrayNameAndCount() {
        // JFR names byte[] "[B"; LeakSuspects makes it readable
        assertThat(classes).extracting(OldObjectClass::className).contains("[B").doesNotContain("byte[]");
        assertThat(classNamed("[B").samples()).isPositive();
    }

    @Test
    void oneEventPerSampleMostSampledClassFirst() {
        long samples = classes.stream().mapToLong(OldObjectClass::samples).sum();

        // only OldObjectSample was enabled; the old-object queue holds 256 samples by default
        assertThat(samples).isEqualTo(events).isBetween(2L, 256L);
        assertThat(classes).isSortedAccordingTo((a, b) -> Long.compare(b.samples(), a.samples()));
        // what this test allocated and kept dominates the samples
        long ours = classes.stream().filter(c -> c.allocatedBy() != null && c.allocatedBy().startsWith(ALLOCATING_METHOD))
                .mapToLong(OldObjectClass::samples).sum();
        assertThat(ours).isGreaterThanOrEqualTo(samples / 2);
    }
}
