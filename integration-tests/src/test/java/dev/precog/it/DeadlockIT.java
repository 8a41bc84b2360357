package dev.precog.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.precog.it.harness.ChildJvm;
import dev.precog.it.harness.Cli;
import dev.precog.it.harness.Jdk;
import dev.precog.it.harness.Paths;
import dev.precog.it.harness.Reports;
import dev.precog.it.workload.DeadlockingBankService;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A deadlock that appears while the rest of the service keeps running: reported within seconds
 * as a CRITICAL DEADLOCK naming both threads and the account class they lock, live and from
 * the service's own recording.
 */
class DeadlockIT {

    private static final String ACCOUNT = DeadlockingBankService.class.getName() + "$Account";

    static Stream<Jdk> jdks() {
        return Jdk.all().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("jdks")
    void aDeadlockIsReportedWhileTheServiceKeepsServing(Jdk jdk) throws Exception {
        Path dir = Paths.workDir("deadlock-" + jdk.name());
        Path recording = dir.resolve("service.jfr");
        try (ChildJvm service = ChildJvm.on(jdk, dir)
                .jvmArgs("-Xmx128m", "-XX:StartFlightRecording=filename=" + recording + ",settings=default,dumponexit=true")
                .agent("reportDir=" + dir + ",window=1s,interval=1s")
                .start(DeadlockingBankService.class, "5")) {
            Path reportFile = Reports.file(dir, service.pid());

            JsonNode report = Reports.await(service, reportFile, "DEADLOCK", Duration.ofMinutes(2), r -> {
                assertThat(Reports.findings(r, "DEADLOCK")).hasSize(1);
                assertThat(Reports.violations(r)).isEmpty();
            });

            JsonNode f = Reports.findings(report, "DEADLOCK").get(0);
            assertThat(f.path("severity").asText()).isEqualTo("CRITICAL");
            assertThat(f.path("confidence").asDouble()).isEqualTo(1.0);
            assertThat(f.path("id").asText()).isEqualTo("deadlock:transfer-alice-to-bob,transfer-bob-to-alice");
            assertThat(f.path("suspects").path(0).path("className").asText()).isEqualTo(ACCOUNT);
            assertThat(f.path("suspects").path(0).path("stackTop").path(0).asText())
                    .startsWith(DeadlockingBankService.class.getName() + ".transfer:");
            assertThat(f.path("evidence").path("cycle").toString())
                    .contains("\\\"transfer-alice-to-bob\\\" waits for " + ACCOUNT + " held by \\\"transfer-bob-to-alice\\\"");
            assertThat(f.path("suggestions").path(0).path("command").asText()).isEqualTo("jcmd " + service.pid() + " Thread.print");

            // the rest of the service keeps serving: the counter still moves after the report
            long servedAtReport = served(service.stdout());
            await("balance queries still served").atMost(Duration.ofMinutes(1))
                    .until(() -> served(service.stdout()) > servedAtReport);
            assertThat(service.stop()).as(service::describe).isEqualTo(ChildJvm.EXIT_ON_STDIN_CLOSED);
        }

        // Offline: the thread dump JFR takes at the end of the recording lists the same cycle.
        Path offlineReport = dir.resolve("offline-report.json");
        Cli.Result analyze = Cli.run(jdk, dir, "analyze", recording.toString(), "--out", offlineReport.toString(), "--window", "1s");
        assertThat(analyze.exitCode()).as(analyze.stderr()).isZero();
        JsonNode offline = Reports.read(offlineReport).orElseThrow();
        assertThat(Reports.findings(offline, "DEADLOCK")).singleElement().satisfies(f -> {
            assertThat(f.path("severity").asText()).isEqualTo("CRITICAL");
            assertThat(f.path("suspects").path(0).path("className").asText()).isEqualTo(ACCOUNT);
        });
        assertThat(Reports.violations(offline)).isEmpty();
    }

    private static long served(String stdout) {
        long last = -1;
        for (String line : stdout.split("\\R")) {
            if (line.startsWith("served ")) {
                last = Long.parseLong(line.substring("served ".length()).trim());
            }
        }
        return last;
    }
}
