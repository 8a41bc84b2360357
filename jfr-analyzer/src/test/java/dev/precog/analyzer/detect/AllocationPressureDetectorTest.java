package dev.precog.analyzer.detect;

import static dev.precog.analyzer.detect.PressureWindows.MB;
import static org.assertj.core.api.Assertions.assertThat;

import dev.precog.model.FindingKind;
import dev.precog.model.Severity;
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
