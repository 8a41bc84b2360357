package dev.precog.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.precog.it.harness.ChildJvm;
import dev.precog.it.harness.Cli;
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

/**
 * Resident memory growing outside the heap: reported as native growth with direct buffers named,
 * not as a heap leak; live, and offline from the service's own recording (on JDK 17, which records
 * no resident set, from the direct buffers' memory alone).
 */
@Order(SuiteOrder.LONG)
class NativeMemoryIT {

    static Stream<Jdk> jdks() {
        return Jdk.all().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("jdks")
    void leakedDirectBuffersAreNativeMemoryGrowth(Jdk jdk) throws Exception {
        Path dir = Paths.workDir("native-" + jdk.name());
        Path recording = dir.resolve("service.jfr");
        try (ChildJvm service = ChildJvm.on(jdk, dir).jvmArgs("-Xmx128m", "-XX:MaxDirectMemorySize=2g", "-XX:+UseG1GC",
                        "-XX:StartFlightRecording=filename=" + recording + ",settings=default,dumponexit=true")
                .agent("reportDir=" + dir + ",window=1s,interval=2s")
                .start(DirectBufferLeakingService.class)) {
            // the growth may be reported before direct buffers are seen to carry half of it (a CI run on a busy
            // machine saw the first finding without a suspect); they must be named once they do
            JsonNode report = Reports.await(service, Reports.file(dir, service.pid()), "NATIVE_MEMORY_GROWTH naming direct buffers",
                    Duration.ofMinutes(4), r -> {
                        assertThat(Reports.findings(r, "NATIVE_MEMORY_GROWTH")).singleElement().satisfies(f ->
                                assertThat(f.path("suspects").path(0).path("className").asText()).as(f::toString)
                                        .isEqualTo("java.nio.DirectByteBuffer"));
                        // run on until the recording surely holds the offline detector's minute of warm-up and
                        // 64 MB of growth after it (about 1.9 MB/s)
                        assertThat(r.path("analysis").path("windows").asLong()).isGreaterThanOrEqualTo(120);
                    });
            JsonNode finding = Reports.findings(report, "NATIVE_MEMORY_GROWTH").get(0);
            assertThat(finding.path("evidence").path("directBufferGrowthBytes").asLong()).isGreaterThan(32L * 1024 * 1024);
            assertThat(Reports.findings(report, "MEMORY_LEAK")).as("the heap does not grow").isEmpty();
            assertThat(Reports.violations(report)).isEmpty();
            assertThat(service.stop()).as(service::describe).isEqualTo(ChildJvm.EXIT_ON_STDIN_CLOSED);
        }

        Path offlineReport = dir.resolve("offline-report.json");
        Cli.Result analyze = Cli.run(jdk, dir, "analyze", recording.toString(), "--out", offlineReport.toString(), "--window", "2s");
        assertThat(analyze.exitCode()).as(analyze.stderr()).isZero();
        JsonNode offline = Reports.read(offlineReport).orElseThrow();
        assertThat(Reports.findings(offline, "NATIVE_MEMORY_GROWTH")).as(offline::toString).singleElement().satisfies(f -> {
            assertThat(f.path("suspects").path(0).path("className").asText()).isEqualTo("java.nio.DirectByteBuffer");
            // JFR records the resident set from JDK 21 on; before, the direct buffers are what the file shows
            assertThat(f.path("evidence").path("basis").asText()).isEqualTo(jdk.feature() >= 21 ? "resident-set" : "direct-buffers");
        });
        assertThat(Reports.findings(offline, "MEMORY_LEAK")).isEmpty();
        assertThat(Reports.violations(offline)).isEmpty();
    }
}
