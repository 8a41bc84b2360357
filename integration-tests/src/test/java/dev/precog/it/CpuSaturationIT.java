package dev.precog.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.precog.it.harness.ChildJvm;
import dev.precog.it.harness.Cli;
import dev.precog.it.harness.Jdk;
import dev.precog.it.harness.Paths;
import dev.precog.it.harness.Reports;
import dev.precog.it.workload.ReportRenderingService;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A CPU burn on real JVMs: four render threads per core saturate the machine, and the report
 * says this JVM is the cause and names the renderer's layout method as the hot code, live and
 * from the service's own recording.
 */
@ResourceLock(CpuHeavy.LOCK)
@Order(SuiteOrder.CPU_HEAVY)
class CpuSaturationIT {

    private static final String RENDERER = ReportRenderingService.class.getName() + "$ReportRenderer";

    static Stream<Jdk> jdks() {
        return Jdk.all().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("jdks")
    void renderThreadsBurningTheMachineAreThisJvmsSaturationWithTheHotMethodNamed(Jdk jdk) throws Exception {
        Path dir = Paths.workDir("cpu-saturation-" + jdk.name());
        Path recording = dir.resolve("service.jfr");
        // four runnable threads per core: this JVM takes most of the machine even beside the build's own JVMs
        int threads = 4 * Runtime.getRuntime().availableProcessors();
        try (ChildJvm service = ChildJvm.on(jdk, dir)
                .jvmArgs("-Xmx128m", "-XX:StartFlightRecording=filename=" + recording + ",settings=default,dumponexit=true")
                .agent("reportDir=" + dir + ",window=1s,interval=1s")
                .start(ReportRenderingService.class, String.valueOf(threads))) {
            Path reportFile = Reports.file(dir, service.pid());
            JsonNode report = Reports.await(service, reportFile, "CPU_SATURATION", Duration.ofMinutes(3), r -> {
                assertThat(Reports.findings(r, "CPU_SATURATION")).singleElement().satisfies(f -> {
                    assertThat(f.path("evidence").path("cause").asText()).isEqualTo("this-jvm");
                    assertThat(f.path("suspects").path(0).path("className").asText()).isEqualTo(RENDERER);
                });
                assertThat(Reports.violations(r)).isEmpty();
                assertThat(Reports.detectorFailures(r)).isEmpty();
                // run on until the recording surely spans the offline detector's 30 s as well
                assertThat(r.path("analysis").path("windows").asLong()).isGreaterThanOrEqualTo(40);
            });

            JsonNode f = Reports.findings(report, "CPU_SATURATION").get(0);
            assertThat(f.path("severity").asText()).isIn("WARNING", "CRITICAL");
            assertThat(f.path("evidence").path("hotMethods").path(0).path("method").asText()).isEqualTo(RENDERER + ".layout");
            assertThat(f.path("evidence").path("hotThreads").path(0).path("thread").asText()).startsWith("render-");
            assertThat(f.path("summary").asText()).startsWith("CPU saturated: the machine is").contains("most in " + RENDERER + ".layout");
            assertThat(f.path("suggestions").path(0).path("action").asText()).isEqualTo("Make " + RENDERER + ".layout cheaper");
            assertThat(service.stop()).as(service::describe).isEqualTo(ChildJvm.EXIT_ON_STDIN_CLOSED);
        }

        Path offlineReport = dir.resolve("offline-report.json");
        Cli.Result analyze = Cli.run(jdk, dir, "analyze", recording.toString(), "--out", offlineReport.toString(), "--window", "2s");
        assertThat(analyze.exitCode()).as(analyze.stderr()).isZero();
        JsonNode offline = Reports.read(offlineReport).orElseThrow();
        assertThat(Reports.findings(offline, "CPU_SATURATION")).singleElement()
                .satisfies(f -> assertThat(f.path("suspects").path(0).path("className").asText())
                        // the whole finding, so a failure tells its cause and shares, not only the name it lacked
                        .as(() -> "the offline finding " + f).isEqualTo(RENDERER));
        assertThat(Reports.violations(offline)).isEmpty();
        assertThat(Reports.detectorFailures(offline)).isEmpty();
    }
}
