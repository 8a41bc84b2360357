package dev.precog.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.precog.it.harness.ChildJvm;
import dev.precog.it.harness.Jdk;
import dev.precog.it.harness.Paths;
import dev.precog.it.harness.Reports;
import dev.precog.it.workload.AllocationHeavyService;
import dev.precog.it.workload.GcThrashingService;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** GC and allocation pressure on real services: reported with the right culprit, and not mistaken for a leak. */
@ResourceLock(CpuHeavy.LOCK)
@Order(SuiteOrder.CPU_HEAVY)
class PressureIT {

    static Stream<Jdk> jdks() {
        return Jdk.all().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("jdks")
    void aHeapBarelyLargerThanItsDataIsGcPressureNotALeak(Jdk jdk) throws Exception {
        Path dir = Paths.workDir("gc-pressure-" + jdk.name());
        try (ChildJvm service = ChildJvm.on(jdk, dir).jvmArgs("-Xmx96m", "-XX:+UseG1GC")
                .agent("reportDir=" + dir + ",window=1s,interval=2s")
                .start(GcThrashingService.class)) {
            JsonNode report = Reports.await(service, Reports.file(dir, service.pid()), "GC_PRESSURE", Duration.ofMinutes(3),
                    r -> assertThat(Reports.findings(r, "GC_PRESSURE")).hasSize(1));
            JsonNode gc = Reports.findings(report, "GC_PRESSURE").get(0);
            assertThat(gc.path("severity").asText()).isIn("WARNING", "CRITICAL");
            assertThat(gc.path("evidence").path("collectionsPerSecond").asDouble()).isGreaterThan(0.5);
            assertThat(Reports.findings(report, "MEMORY_LEAK")).as("a full but steady heap is not a leak").isEmpty();
            assertThat(Reports.violations(report)).isEmpty();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("jdks")
    void aDecoderAllocatingPerMessageIsAllocationPressureNamingItsType(Jdk jdk) throws Exception {
        Path dir = Paths.workDir("alloc-pressure-" + jdk.name());
        try (ChildJvm service = ChildJvm.on(jdk, dir).jvmArgs("-Xmx128m", "-XX:+UseG1GC")
                .agent("reportDir=" + dir + ",window=1s,interval=2s")
                .start(AllocationHeavyService.class)) {
            JsonNode report = Reports.await(service, Reports.file(dir, service.pid()), "ALLOCATION_PRESSURE", Duration.ofMinutes(3),
                    r -> {
                        assertThat(Reports.findings(r, "ALLOCATION_PRESSURE")).hasSize(1);
                        assertThat(Reports.findings(r, "MEMORY_LEAK")).isEmpty();
                        assertThat(Reports.violations(r)).isEmpty();
                    });
            JsonNode top = Reports.findings(report, "ALLOCATION_PRESSURE").get(0).path("suspects").path(0);
            assertThat(top.path("className").asText()).isEqualTo(AllocationHeavyService.class.getName() + "$PriceTick");
            assertThat(top.path("stackTop").path(0).asText()).startsWith(AllocationHeavyService.class.getName() + ".decodeBatch:");
        }
    }
}
