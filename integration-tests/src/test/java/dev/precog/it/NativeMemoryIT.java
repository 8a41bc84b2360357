package dev.precog.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.precog.it.harness.ChildJvm;
import dev.precog.it.harness.Jdk;
import dev.precog.it.harness.Paths;
import dev.precog.it.harness.Reports;
import dev.precog.it.workload.DirectBufferLeakingService;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Resident memory growing outside the heap: reported as native growth with direct buffers named, not as a heap leak. */
@Order(SuiteOrder.LONG)
class NativeMemoryIT {

    static Stream<Jdk> jdks() {
        return Jdk.all().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("jdks")
    void leakedDirectBuffersAreNativeMemoryGrowth(Jdk jdk) throws Exception {
        Path dir = Paths.workDir("native-" + jdk.name());
        try (ChildJvm service = ChildJvm.on(jdk, dir).jvmArgs("-Xmx128m", "-XX:MaxDirectMemorySize=2g", "-XX:+UseG1GC")
                .agent("reportDir=" + dir + ",window=1s,interval=2s")
                .start(DirectBufferLeakingService.class)) {
            // the growth may be reported before direct buffers are seen to carry half of it (a CI run on a busy
            // machine saw the first finding without a suspect); they must be named once they do
            JsonNode report = Reports.await(service, Reports.file(dir, service.pid()), "NATIVE_MEMORY_GROWTH naming direct buffers",
                    Duration.ofMinutes(3), r -> assertThat(Reports.findings(r, "NATIVE_MEMORY_GROWTH")).singleElement().satisfies(f ->
                            assertThat(f.path("suspects").path(0).path("className").asText()).as(f::toString)
                                    .isEqualTo("java.nio.DirectByteBuffer")));
            JsonNode finding = Reports.findings(report, "NATIVE_MEMORY_GROWTH").get(0);
            assertThat(finding.path("evidence").path("directBufferGrowthBytes").asLong()).isGreaterThan(32L * 1024 * 1024);
            assertThat(Reports.findings(report, "MEMORY_LEAK")).as("the heap does not grow").isEmpty();
            assertThat(Reports.violations(report)).isEmpty();
        }
    }
}
