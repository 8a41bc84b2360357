package dev.precog.analyzer.detect;

import static dev.precog.analyzer.detect.PressureWindows.MB;
import static org.assertj.core.api.Assertions.assertThat;

import dev.precog.model.FindingKind;
import dev.precog.model.Severity;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class AllocationPressureDetectorTest {

    private final AllocationPressureDetector detector = new AllocationPressureDetector();

    @Test
    void turningTheHeapOverEverySecondIsReportedWithTheTopSite() {
        // 5 s windows allocating 1.5 GB each: 300 MB/s against a 256 MB heap, 2 collections/s
        var context = new PressureWindows().add(12, 10, 150, 20, 60 * MB, 1_500 * MB, PressureWindows.allocations(1_500 * MB))
                .context();

        assertThat(detector.detect(context)).singleElement().satisfies(f -> {
            assertThat(f.kind()).isEqualTo(FindingKind.ALLOCATION_PRESSURE);
            assertThat(f.severity()).isEqualTo(Severity.WARNING);
            assertThat((Long) f.evidence().get("allocationBytesPerSecond")).isEqualTo(300 * MB);
            assertThat(f.summary()).startsWith("Allocating 300.0 MB/s (1.2x the 256.0 MB heap per second)")
                    .contains("top: com.acme.PriceTick (30%) at com.acme.Feed.decode:88");
            assertThat(f.suspects()).extracting(s -> s.className())
                    .containsExactly("com.acme.PriceTick", "byte[]", "java.lang.Double");
        });
    }

    @Test
    void whenCollectionsTakeAFifthOfTheTimeItIsCritical() {
        var context = new PressureWindows().add(12, 15, 1_200, 100, 60 * MB, 2_000 * MB, PressureWindows.allocations(2_000 * MB))
                .context();

        assertThat(detector.detect(context).get(0).severity()).isEqualTo(Severity.CRITICAL);
    }

    @Test
    void aLastWindowCutShortCountsForTheTimeItSpans() {
        // 10 s windows: the heap turns over 1.2 times a second in two of them and in the half second where the
        // recording stops, three windows of six but 20.5 s of 50.5 s; over the stretch 0.5/s and 1.0 collections/s
        var quiet = PressureWindows.allocations(100 * MB);
        var context = new PressureWindows()
                .add(Duration.ofSeconds(10), 3, 3, 30, 15, 60 * MB, 100 * MB, quiet)
                .add(Duration.ofSeconds(10), 2, 20, 200, 20, 60 * MB, 3_072 * MB, PressureWindows.allocations(3_072 * MB))
                .add(Duration.ofMillis(500), 1, 2, 20, 20, 60 * MB, 154 * MB, PressureWindows.allocations(154 * MB))
                .context();

        assertThat(detector.detect(context)).isEmpty();

        // the same turnover over a whole last window is pressure: 30 s of 60 s
        var whole = new PressureWindows()
                .add(Duration.ofSeconds(10), 3, 3, 30, 15, 60 * MB, 100 * MB, quiet)
                .add(Duration.ofSeconds(10), 3, 20, 200, 20, 60 * MB, 3_072 * MB, PressureWindows.allocations(3_072 * MB))
                .context();

        assertThat(detector.detect(whole)).singleElement().satisfies(f -> assertThat(f.evidence())
                .containsEntry("timeOverThreshold", 0.5).containsEntry("windowsOverThreshold", 0.5)
                .containsEntry("confidenceReason",
                        "at least half the heap turned over per second for 50% of the last 1m00s (6 windows); 1.2 collections/s"));
    }

    @Test
    void busyButProportionateAllocationIsNotPressure() {
        // 40 MB/s against a 256 MB heap, a collection every 2.5 s
        var context = new PressureWindows().add(12, 2, 30, 15, 60 * MB, 200 * MB, PressureWindows.allocations(200 * MB))
                .context();

        assertThat(detector.detect(context)).isEmpty();
    }

    @Test
    void moreThanAGigabyteASecondKeepingTheCollectorBusyIsPressureOnAnyHeap() {
        // 1.2 GB/s on a 16 GB heap turns it over only every 13 s, but it takes 1.2 collections/s
        var context = new PressureWindows().add(12, 6, 60, 10, 600 * MB, 6_000 * MB, PressureWindows.allocations(6_000 * MB))
                .context(16 * 1024 * MB);

        assertThat(detector.detect(context)).singleElement()
                .satisfies(f -> assertThat((Long) f.evidence().get("allocationBytesPerSecond")).isGreaterThan(1024 * MB));
    }

    @Test
    void aGigabyteASecondThatABigHeapTakesInItsStrideIsNotPressure() {
        // the same rate, a collection every 10 s
        var context = new PressureWindows().add(12, 0.5, 10, 10, 600 * MB, 6_000 * MB, PressureWindows.allocations(6_000 * MB))
                .context(16 * 1024 * MB);

        assertThat(detector.detect(context)).isEmpty();
    }
}
