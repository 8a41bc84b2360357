package dev.precog.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.precog.it.harness.ChildJvm;
import dev.precog.it.harness.Cli;
import dev.precog.it.harness.Jdk;
import dev.precog.it.harness.Paths;
import dev.precog.it.harness.Reports;
import dev.precog.it.workload.ThreadLeakingService;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A service that leaks a one-thread pool per report request, beside a healthy fixed pool: the
 * live report names the leaking pool's threads from two censuses of live threads, and the
 * service's own recording (jdk.ThreadStart and jdk.ThreadEnd are on in settings=default) names
 * the same threads offline.
 */
class ThreadLeakIT {

    private static final String LEAKING = "report-exporter-N";
    private static final String HEALTHY = "order-worker-N";

    static Stream<Jdk> jdks() {
        return Jdk.all().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("jdks")
    void leakingPoolIsNamedLiveAndOffline(Jdk jdk) throws Exception {
        Path dir = Paths.workDir("threadleak-" + jdk.name());
        Path recording = dir.resolve("service.jfr");
        try (ChildJvm service = ChildJvm.on(jdk, dir)
                .jvmArgs("-Xmx128m", "-XX:StartFlightRecording=filename=" + recording + ",settings=default,dumponexit=true")
                .agent("reportDir=" + dir + ",window=1s,interval=2s")
                .start(ThreadLeakingService.class, "2")) {
            Path reportFile = Reports.file(dir, service.pid());

            // the leak shows after about ten windows, the census needs 30 s more
            JsonNode r = Reports.await(service, reportFile, "THREAD_LEAK naming " + LEAKING, Duration.ofMinutes(3), polled -> {
                assertThat(Reports.findings(polled, "THREAD_LEAK")).hasSize(1);
                assertThat(Reports.findings(polled, "THREAD_LEAK").get(0).path("suspects").path(0).path("className").asText())
                        .isEqualTo(LEAKING);
            });

            JsonNode leak = Reports.findings(r, "THREAD_LEAK").get(0);
            assertThat(leak.path("id").asText()).isEqualTo("thread-leak:threads");
            // two threads a second reach 2000 threads well within the hour
            assertThat(leak.path("severity").asText()).isEqualTo("CRITICAL");
            assertThat(leak.path("summary").asText()).startsWith("Live threads grow").contains("named " + LEAKING);
            assertThat(leak.path("evidence").path("growthPerMinute").asDouble()).isBetween(60.0, 180.0);
            assertThat(leak.path("evidence").path("threadsNow").asLong()).isGreaterThan(50);
            assertThat(leak.path("evidence").path("pValue").asDouble()).isLessThan(0.01);
            JsonNode culprit = leak.path("suspects").path(0);
            assertThat(culprit.path("basis").asText()).isEqualTo("thread-census");
            assertThat(culprit.path("growthInstances").asLong()).isGreaterThan(20);
            assertThat(culprit.path("detail").asText()).matches("\\+\\d+ threads in \\S+; \\d+ alive");
            // the healthy pool never grew, so the census does not name it at all
            assertThat(leak.path("suspects").findValuesAsText("className")).doesNotContain(HEALTHY);
            assertThat(leak.path("suggestions").findValuesAsText("command")).contains("jcmd " + service.pid() + " Thread.print");
            assertThat(Reports.violations(r)).isEmpty();

            assertThat(service.stop()).as(service::describe).isEqualTo(ChildJvm.EXIT_ON_STDIN_CLOSED);
        }

        // Offline: the service's own recording gives the same finding and the same first suspect.
        assertThat(recording).exists();
        Path offlineReport = dir.resolve("offline-report.json");
        Cli.Result analyze = Cli.run(jdk, dir, "analyze", recording.toString(), "--out", offlineReport.toString(), "--window", "1s");
        assertThat(analyze.exitCode()).as(analyze.stderr()).isZero();
        assertThat(analyze.stdout()).contains("THREAD_LEAK");
        JsonNode offline = Reports.read(offlineReport).orElseThrow();
        assertThat(Reports.findings(offline, "THREAD_LEAK")).singleElement().satisfies(f -> {
            JsonNode first = f.path("suspects").path(0);
            assertThat(first.path("className").asText()).isEqualTo(LEAKING).isNotEqualTo(HEALTHY);
            assertThat(first.path("growthInstances").asLong()).isGreaterThan(50);
            assertThat(first.path("basis").asText()).isEqualTo("thread-start-end");
            assertThat(first.path("detail").asText()).matches("\\+\\d+ threads started and not ended in \\S+");
        });
        assertThat(Reports.violations(offline)).isEmpty();
    }
}
