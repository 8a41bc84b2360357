package dev.precog.analyzer.detect;

import static dev.precog.analyzer.detect.PressureWindows.MB;
import static org.assertj.core.api.Assertions.assertThat;

import dev.precog.model.Finding;
import dev.precog.model.FindingKind;
import dev.precog.model.Severity;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class GcPressureDetectorTest {

    private final GcPressureDetector detector = new GcPressureDetector();

    @Test
    void sustainedPauseTimeIsAWarningWithTheAllocatorsNamed() {
        // 5 s windows with 750 ms of pauses each: 15% of the time
        var context = new PressureWindows().add(12, 20, 750, 60, 100 * MB, 2_000 * MB, PressureWindows.allocations(2_000 * MB))
                .context();

        assertThat(detector.detect(context)).singleElement().satisfies(f -> {
            assertThat(f.kind()).isEqualTo(FindingKind.GC_PRESSURE);
            assertThat(f.severity()).isEqualTo(Severity.WARNING);
            assertThat((Double) f.evidence().get("gcTimeShare")).isEqualTo(0.15);
            assertThat(f.summary()).startsWith("GC takes 15% of the time");
            assertThat(f.suspects().get(0).className()).isEqualTo("com.acme.PriceTick");
            assertThat(f.suspects().get(0).stackTop()).containsExactly("com.acme.Feed.decode:88");
        });
    }

    @Test
    void backToBackCollectionsThatFreeNothingAreCritical() {
        // 2 collections/s leave 3% of a 256 MB heap free
        var context = new PressureWindows().add(8, 10, 300, 80, 248 * MB, 500 * MB, PressureWindows.allocations(500 * MB))
                .context();

        Finding f = detector.detect(context).get(0);
        assertThat(f.severity()).isEqualTo(Severity.CRITICAL);
        assertThat(f.suggestions().get(0).command()).startsWith("jcmd 7 GC.heap_dump ");
        assertThat((Double) f.evidence().get("freeHeapAfterGcShare")).isLessThan(0.05);
    }

    @Test
    void oneBurstAmongQuietWindowsIsNotPressure() {
        var context = new PressureWindows()
                .add(5, 1, 20, 20, 100 * MB, 50 * MB, PressureWindows.allocations(50 * MB))
                .add(1, 30, 2_000, 150, 100 * MB, 500 * MB, PressureWindows.allocations(500 * MB))
                .add(5, 1, 20, 20, 100 * MB, 50 * MB, PressureWindows.allocations(50 * MB))
                .context();

        assertThat(detector.detect(context)).isEmpty();
    }

    @Test
    void aLastWindowCutShortCountsForTheTimeItSpans() {
        // 10 s windows: pauses take 15% of two of them and of the half second where the recording stops,
        // which makes three windows of six but 20.5 s of 50.5 s, under half the time
        var quiet = PressureWindows.allocations(50 * MB);
        var busy = PressureWindows.allocations(500 * MB);
        var context = new PressureWindows()
                .add(Duration.ofSeconds(10), 3, 2, 40, 20, 100 * MB, 50 * MB, quiet)
                .add(Duration.ofSeconds(10), 2, 6, 1_500, 300, 100 * MB, 500 * MB, busy)
                .add(Duration.ofMillis(500), 1, 1, 75, 75, 100 * MB, 25 * MB, busy)
                .context();

        assertThat(detector.detect(context)).isEmpty();

        // the same pauses over a whole last window are pressure: 30 s of 60 s
        var whole = new PressureWindows()
                .add(Duration.ofSeconds(10), 3, 2, 40, 20, 100 * MB, 50 * MB, quiet)
                .add(Duration.ofSeconds(10), 3, 6, 1_500, 300, 100 * MB, 500 * MB, busy)
                .context();

        assertThat(detector.detect(whole)).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.WARNING);
            assertThat(f.evidence()).containsEntry("timeOverThreshold", 0.5).containsEntry("windowsOverThreshold", 0.5)
                    .containsEntry("confidenceReason", "at least 10% of the wall time went to GC pauses for 50% of the last 1m00s (6 windows)");
        });
    }

    @Test
    void aHealthyServiceIsNotReported() {
        var context = new PressureWindows().add(20, 1, 15, 15, 60 * MB, 80 * MB, PressureWindows.allocations(80 * MB)).context();

        assertThat(detector.detect(context)).isEmpty();
    }

    @Test
    void aSingleLongPauseIsAWarning() {
        var context = new PressureWindows()
                .add(6, 1, 20, 20, 60 * MB, 50 * MB, PressureWindows.allocations(50 * MB))
                .add(1, 1, 1_400, 1_400, 60 * MB, 50 * MB, PressureWindows.allocations(50 * MB))
                .context();

        assertThat(detector.detect(context)).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.WARNING);
            assertThat(f.suggestions()).anySatisfy(s -> assertThat(s.command()).contains("MaxGCPauseMillis"));
        });
    }

    @Test
    void tooShortAHistoryGivesNoVerdict() {
        var context = new PressureWindows().add(3, 20, 2_000, 200, 250 * MB, 1_000 * MB, PressureWindows.allocations(MB))
                .context();

        assertThat(detector.detect(context)).isEmpty();
    }
}
