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
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The whole path on a leaking service started with -javaagent: the report names a MEMORY_LEAK
 * with a forecast, validates against the schema, and says the same as the MBean and status;
 * the service's own JFR recording gives the same verdict offline.
 */
@Order(SuiteOrder.LONG)
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

            JsonNode r = Reports.await(service, reportFile, "MEMORY_LEAK with a heap forecast", Duration.ofMinutes(3), polled -> {
                assertThat(Reports.findings(polled, "MEMORY_LEAK")).hasSize(1);
                // the culprit is named from two class histograms of the live heap
                assertThat(Reports.findings(polled, "MEMORY_LEAK").get(0).path("suspects").path(0).path("basis").asText())
                        .isEqualTo("class-histogram-diff");
                assertThat(Reports.forecast(polled, "heap.usedAfterGc")).get()
                        .satisfies(f -> assertThat(f.get("timeToThresholdSeconds").isNumber()).isTrue());
            });

            // an alert keyed on the finding or the forecast must not flap: same identity report after report
            JsonNode firstLeak = Reports.findings(r, "MEMORY_LEAK").get(0);
            JsonNode firstForecast = Reports.forecast(r, "heap.usedAfterGc").orElseThrow();
            Set<String> laterReports = new HashSet<>();
            List<String> changed = new ArrayList<>();
            await("three later reports").atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofSeconds(1))
                    .untilAsserted(() -> {
                        JsonNode later = Reports.read(reportFile).orElseThrow(() -> new AssertionError("report gone"));
                        String at = later.path("generatedAt").asText();
                        if (!at.equals(r.path("generatedAt").asText()) && laterReports.add(at)) {
                            List<JsonNode> leaks = Reports.findings(later, "MEMORY_LEAK");
                            if (leaks.size() != 1 || !leaks.get(0).path("id").equals(firstLeak.path("id"))
                                    || !leaks.get(0).path("firstDetectedAt").equals(firstLeak.path("firstDetectedAt"))) {
                                changed.add(at + ": " + leaks);
                            }
                            JsonNode f = Reports.forecast(later, "heap.usedAfterGc").orElse(null);
                            if (f == null || !f.path("firstDetectedAt").equals(firstForecast.path("firstDetectedAt"))) {
                                changed.add(at + ": forecast " + f);
                            }
                        }
                        assertThat(laterReports).hasSizeGreaterThanOrEqualTo(3);
                    });
            assertThat(changed).as("the leak and its forecast keep their identity").isEmpty();
            assertThat(firstLeak.path("id").asText()).isEqualTo("memory-leak:heap");
            assertThat(firstForecast.path("id").asText()).isEqualTo("forecast:heap.usedAfterGc");
            assertThat(firstForecast.path("firstDetectedAt").isTextual()).isTrue();

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

            // The page beside the report, for a person: the leak, its culprit, the dump command and the forecast's chart.
            String page = Files.readString(Reports.page(dir, service.pid()));
            assertThat(page).contains("MEMORY_LEAK", "Heap live set grows", LeakingSessionService.class.getName() + "$UserSession",
                    "jcmd " + service.pid() + " GC.heap_dump ", "heap.usedAfterGc", "<polygon class=\"band95\"");

            // status: the same findings, in words.
            Cli.Result status = Cli.run(jdk, dir, "status", Long.toString(service.pid()));
            assertThat(status.exitCode()).as(status.stderr()).isZero();
            assertThat(status.stdout()).contains("MEMORY_LEAK", "Heap live set grows",
                    "Forecast: heap.usedAfterGc reaches 384.0 MB (max heap (-Xmx)) in ", "Page:   " + Reports.page(dir, service.pid()));

            // the backtest below needs the leak's line in the recording, not its first minute: on JDK 25 G1 collected
            // every 8 s on a busy CI box, and the service stopped with 11 heap points gave 4 origins and no time to
            // threshold (here with 14, 6 origins and 2; with 16, 9 and 6, the heap at 82% of its maximum)
            Reports.await(service, reportFile, "a heap forecast from 15 points", Duration.ofMinutes(2),
                    polled -> assertThat(Reports.forecast(polled, "heap.usedAfterGc")).get()
                            .satisfies(f -> assertThat(f.path("historyPoints").asInt()).isGreaterThanOrEqualTo(15)));
            assertThat(service.stop()).as(service::describe).isEqualTo(ChildJvm.EXIT_ON_STDIN_CLOSED);
            assertThat(HeapDumpIT.dumpsIn(dir)).as("no heap dump without heapDump=auto").isEmpty();
            // The final report is written at shutdown and is still whole.
            assertThat(Reports.read(reportFile)).get().satisfies(last -> assertThat(Reports.violations(last)).isEmpty());
        }

        // Offline: the recording the service made gives the same verdict.
        assertThat(recording).exists();
        Path offlineReport = dir.resolve("offline-report.json");
        Path offlinePage = dir.resolve("offline-report.html");
        Cli.Result analyze = Cli.run(jdk, dir, "analyze", recording.toString(), "--out", offlineReport.toString(), "--html",
                offlinePage.toString(), "--window", "1s");
        assertThat(analyze.exitCode()).as(analyze.stderr()).isZero();
        assertThat(analyze.stdout()).contains("MEMORY_LEAK", "Report written to " + offlinePage);
        assertThat(Files.readString(offlinePage)).contains("MEMORY_LEAK", "Heap live set grows");
        JsonNode offline = Reports.read(offlineReport).orElseThrow();
        assertThat(Reports.findings(offline, "MEMORY_LEAK")).hasSize(1);
        assertThat(Reports.violations(offline)).isEmpty();
        assertThat(offline.path("analysis").path("source").asText()).startsWith("offline:");
        assertThat(List.of(Files.readString(offlineReport))).isNotEmpty();

        // Backtest: the forecasts Precog made along the way, scored against what the leak did next.
        Cli.Result backtest = Cli.run(jdk, dir, "backtest", recording.toString(), "--out", "-", "--window", "1s");
        assertThat(backtest.exitCode()).as(backtest.stderr()).isZero();
        JsonNode heap = null;
        for (JsonNode s : Reports.parse(backtest.stdout()).path("series")) {
            heap = s.path("metric").asText().equals("heap.usedAfterGc") ? s : heap;
        }
        assertThat(heap).as(backtest.stdout()).isNotNull();
        // the heap gains a point per collection, a dozen or so in this recording on a busy machine, and each origin that
        // saw a new one is scored once
        assertThat(heap.path("origins").asInt()).as(heap.toString()).isGreaterThanOrEqualTo(3);
        assertThat(heap.path("pointForecasts").asInt()).as(heap.toString()).isGreaterThanOrEqualTo(heap.path("origins").asInt());
        // a steady leak: the line is close, and its time to a level the live set really reached too
        assertThat(heap.path("pointMape").asDouble()).isLessThan(0.10);
        assertThat(heap.path("timeToThresholdForecasts").asInt()).isPositive();
        assertThat(heap.path("timeToThresholdMape").asDouble()).isLessThan(0.35);
        // coverage over a minute and a half of a leak is a handful of forecasts: measured, not judged, here
        // (docs/forecast-accuracy.md judges it on long recordings)
        assertThat(heap.path("coverage80").isNumber() && heap.path("coverage95").isNumber()).as(heap.toString()).isTrue();

        // --detail: each of those forecasts against what the heap did next, one table per origin
        Cli.Result detail = Cli.run(jdk, dir, "backtest", recording.toString(), "--window", "1s", "--detail", "heap.usedAfterGc");
        assertThat(detail.exitCode()).as(detail.stderr()).isZero();
        assertThat(detail.stdout().split("heap.usedAfterGc, forecast at ", -1)).as(detail.stdout())
                .hasSize(heap.path("origins").asInt() + 1);
        assertThat(detail.stdout()).contains("80% band", "95% band", " MB to ", "  time to ");
    }
}
