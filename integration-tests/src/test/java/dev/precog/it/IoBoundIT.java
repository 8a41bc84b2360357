package dev.precog.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.precog.it.harness.ChildJvm;
import dev.precog.it.harness.Cli;
import dev.precog.it.harness.Jdk;
import dev.precog.it.harness.Paths;
import dev.precog.it.harness.Reports;
import dev.precog.it.workload.QuoteAggregatorService;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Blocking I/O on real JVMs: four request threads each waiting 30 ms per call for a slow pricing
 * backend over a socket are IO_BOUND, naming the endpoint and the client class that waits for it,
 * live and from the service's own recording.
 */
class IoBoundIT {

    private static final String CLIENT = QuoteAggregatorService.class.getName() + "$PricingClient";

    static Stream<Jdk> jdks() {
        return Jdk.all().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("jdks")
    void threadsWaitingForASlowBackendAreIoBoundOnItsEndpoint(Jdk jdk) throws Exception {
        Path dir = Paths.workDir("io-bound-" + jdk.name());
        Path recording = dir.resolve("service.jfr");
        try (ChildJvm service = ChildJvm.on(jdk, dir)
                .jvmArgs("-Xmx128m", "-XX:StartFlightRecording=filename=" + recording + ",settings=default,dumponexit=true")
                .agent("reportDir=" + dir + ",window=1s,interval=1s")
                .start(QuoteAggregatorService.class, "4", "30")) {
            Path reportFile = Reports.file(dir, service.pid());
            JsonNode report = Reports.await(service, reportFile, "IO_BOUND", Duration.ofMinutes(3), r -> {
                assertThat(Reports.findings(r, "IO_BOUND")).singleElement()
                        .satisfies(f -> assertThat(f.path("suspects").path(0).path("className").asText()).isEqualTo(CLIENT));
                assertThat(Reports.violations(r)).isEmpty();
                assertThat(Reports.detectorFailures(r)).isEmpty();
                // run on until the recording surely spans the offline detector's 30 s as well
                assertThat(r.path("analysis").path("windows").asLong()).isGreaterThanOrEqualTo(40);
            });

            JsonNode f = Reports.findings(report, "IO_BOUND").get(0);
            assertThat(f.path("severity").asText()).isIn("WARNING", "CRITICAL");
            assertThat(f.path("summary").asText()).startsWith("Threads spend their time in I/O:");
            JsonNode site = f.path("evidence").path("sites").path(0);
            assertThat(site.path("kind").asText()).isEqualTo("socket read");
            assertThat(site.path("resource").asText()).matches("(localhost|127\\.0\\.0\\.1):\\d+");
            assertThat(site.path("waitP50Millis").asDouble()).isBetween(25.0, 500.0);
            assertThat(site.path("threads").asInt()).isEqualTo(4);
            // the stack starts at the read call just above the client, not deep in the socket implementation
            assertThat(f.path("suspects").path(0).path("stackTop").path(1).asText()).startsWith(CLIENT + ".quote:");
            assertThat(f.path("suggestions").path(0).path("action").asText()).startsWith("Find out why " + site.path("resource").asText());
            assertThat(Reports.findings(Reports.read(reportFile).orElseThrow(), "LOCK_CONTENTION")).isEmpty();
            assertThat(service.stop()).as(service::describe).isEqualTo(ChildJvm.EXIT_ON_STDIN_CLOSED);
        }

        Path offlineReport = dir.resolve("offline-report.json");
        Cli.Result analyze = Cli.run(jdk, dir, "analyze", recording.toString(), "--out", offlineReport.toString(), "--window", "2s");
        assertThat(analyze.exitCode()).as(analyze.stderr()).isZero();
        JsonNode offline = Reports.read(offlineReport).orElseThrow();
        assertThat(Reports.findings(offline, "IO_BOUND")).singleElement()
                .satisfies(f -> assertThat(f.path("suspects").path(0).path("className").asText()).isEqualTo(CLIENT));
        assertThat(Reports.violations(offline)).isEmpty();
        assertThat(Reports.detectorFailures(offline)).isEmpty();
    }
}
