package dev.precog.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.precog.it.harness.ChildJvm;
import dev.precog.it.harness.Cli;
import dev.precog.it.harness.Jdk;
import dev.precog.it.harness.Paths;
import dev.precog.it.harness.PrecogJmx;
import dev.precog.it.harness.Reports;
import dev.precog.it.workload.LeakingSessionService;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The whole path on a leaking service started with -javaagent: the report names a MEMORY_LEAK
 * with a forecast, validates against the schema, and says the same as the MBean and status;
 * the service's own JFR recording gives the same verdict offline.
 */
class LeakDetectionIT {

    static Stream<Jdk> jdks() {
        return Jdk.all().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("jdks")
    void leakIsReportedLiveThroughJmxAndStatusAndOffline(Jdk jdk) throws Exception {
        Path dir = Paths.workDir("leak-" + jdk.name());
        Path recording = dir.resolve("service.jfr");
        try (ChildJvm service = ChildJvm.on(jdk, dir)
                .jvmArgs("-Xmx384m", "-XX:+UseG1GC",
                        "-XX:StartFlightRecording=filename=" + recording + ",settings=default,dumponexit=true")
                .agent("reportDir=" + dir + ",window=1s,interval=2s")
                .start(LeakingSessionService.class, "250", "8192")) {
            Path reportFile = Reports.file(dir, service.pid());
            AtomicReference<JsonNode> report = new AtomicReference<>();

            await("MEMORY_LEAK with a heap forecast in " + reportFile).atMost(Duration.ofMinutes(3))
                    .pollInterval(Duration.ofSeconds(1))
                    .untilAsserted(() -> {
                        assertThat(service.isAlive()).as(service::describe).isTrue();
                        JsonNode r = Reports.read(reportFile).orElseThrow(() -> new AssertionError("no report yet"));
                        assertThat(Reports.findings(r, "MEMORY_LEAK")).hasSize(1);
                        // the culprit is named from two class histograms of the live heap
                        assertThat(Reports.findings(r, "MEMORY_LEAK").get(0).path("suspects").path(0).path("basis").asText())
                                .isEqualTo("class-histogram-diff");
                        assertThat(Reports.forecast(r, "heap.usedAfterGc")).get()
                                .satisfies(f -> assertThat(f.get("timeToThresholdSeconds").isNumber()).isTrue());
                        report.set(r);
                    });

            JsonNode r = report.get();
            JsonNode leak = Reports.findings(r, "MEMORY_LEAK").get(0);
            assertThat(leak.path("pattern").asText()).isEqualTo("LINEAR");
            assertThat(leak.path("evidence").path("growthBytesPerMinute").asLong()).isPositive();
            assertThat(leak.path("summary").asText()).contains("Heap live set grows");
            JsonNode culprit = leak.path("suspects").path(0);
            assertThat(culprit.path("className").asText()).isEqualTo(LeakingSessionService.class.getName() + "$UserSession");
            assertThat(culprit.path("growthInstances").asLong()).isGreaterThan(1000);
            assertThat(leak.path("suspects").findValuesAsText("className")).contains("byte[]");
            JsonNode forecast = Reports.forecast(r, "heap.usedAfterGc").orElseThrow();
            assertThat(forecast.get("timeToThresholdLowSeconds").asDouble())
                    .isLessThanOrEqualTo(forecast.get("timeToThresholdSeconds").asDouble());
            assertThat(forecast.get("timeToThresholdHighSeconds").asDouble())
                    .isGreaterThanOrEqualTo(forecast.get("timeToThresholdSeconds").asDouble());
            assertThat(r.path("heapDumpSuggestion").path("command").asText())
                    .isEqualTo("jcmd " + service.pid() + " GC.heap_dump " + dir.resolve("precog-heap-" + service.pid() + ".hprof"));
            JsonNode advice = r.path("heapDumpSuggestion");
            assertThat(advice.path("dumpPath").asText()).isEqualTo(dir.resolve("precog-heap-" + service.pid() + ".hprof").toString());
            assertThat(advice.path("estimatedDumpBytes").asLong()).isGreaterThan(advice.path("liveSetBytes").asLong()).isPositive();
            assertThat(advice.path("estimatedPauseSeconds").asDouble()).isPositive();
            assertThat(advice.path("freeDiskBytes").asLong()).isPositive();
            assertThat(advice.path("diskHasRoom").asBoolean()).isTrue();
            assertThat(advice.path("mbeanOperation").asText()).isEqualTo("dev.precog:type=Precog dumpHeap()");
            assertThat(advice.path("onOutOfMemoryFlags").asText()).isEqualTo("-XX:+HeapDumpOnOutOfMemoryError -XX:HeapDumpPath=" + dir);
            // without heapDump=auto nothing is dumped
            assertThat(advice.get("autoDump").isNull()).isTrue();
            assertThat(r.path("jvm").path("pid").asLong()).isEqualTo(service.pid());
            assertThat(r.path("jvm").path("heapMaxBytes").asLong()).isEqualTo(384L * 1024 * 1024);
            assertThat(Reports.violations(r)).isEmpty();

            // The MBean: same findings as the report, and it writes the report on demand.
            try (PrecogJmx jmx = PrecogJmx.connect(service.pid())) {
                String leakId = leak.path("id").asText();
                await("the MBean lists the leak").atMost(Duration.ofSeconds(30))
                        .untilAsserted(() -> assertThat(jmx.findingIdsAndKinds()).contains(leakId + " MEMORY_LEAK"));
                assertThat(jmx.writeReport()).isEqualTo(reportFile.toString());
                assertThat((String) jmx.attribute("Status")).startsWith("Precog ").contains("(startup)");
                JsonNode fromMbean = Reports.parse((String) jmx.attribute("ReportJson"));
                assertThat(Reports.findings(fromMbean, "MEMORY_LEAK")).extracting(f -> f.path("id").asText()).containsExactly(leakId);
                assertThat(Reports.violations(fromMbean)).isEmpty();
            }

            // status: the same findings, in words.
            Cli.Result status = Cli.run(jdk, dir, "status", Long.toString(service.pid()));
            assertThat(status.exitCode()).as(status.stderr()).isZero();
            assertThat(status.stdout()).contains("MEMORY_LEAK", "Heap live set grows", "Forecast: heap.usedAfterGc reaches 384.0 MB in ");

            assertThat(service.stop()).as(service::describe).isEqualTo(ChildJvm.EXIT_ON_STDIN_CLOSED);
            assertThat(HeapDumpIT.dumpsIn(dir)).as("no heap dump without heapDump=auto").isEmpty();
            // The final report is written at shutdown and is still whole.
            assertThat(Reports.read(reportFile)).get().satisfies(last -> assertThat(Reports.violations(last)).isEmpty());
        }

        // Offline: the recording the service made gives the same verdict.
        assertThat(recording).exists();
        Path offlineReport = dir.resolve("offline-report.json");
        Cli.Result analyze = Cli.run(jdk, dir, "analyze", recording.toString(), "--out", offlineReport.toString(), "--window", "1s");
        assertThat(analyze.exitCode()).as(analyze.stderr()).isZero();
        assertThat(analyze.stdout()).contains("MEMORY_LEAK");
        JsonNode offline = Reports.read(offlineReport).orElseThrow();
        assertThat(Reports.findings(offline, "MEMORY_LEAK")).hasSize(1);
        assertThat(Reports.violations(offline)).isEmpty();
        assertThat(offline.path("analysis").path("source").asText()).startsWith("offline:");
        assertThat(List.of(Files.readString(offlineReport))).isNotEmpty();
    }
}
