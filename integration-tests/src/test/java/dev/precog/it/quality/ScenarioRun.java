package dev.precog.it.quality;

import com.fasterxml.jackson.databind.JsonNode;
import dev.precog.it.harness.ChildJvm;
import dev.precog.it.harness.Cli;
import dev.precog.it.harness.Jdk;
import dev.precog.it.harness.Paths;
import dev.precog.it.harness.Reports;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Runs one scenario on one JDK: the workload with the agent and its own JFR recording for the
 * scenario's time, the report read every second to time the first detection, then the
 * recording analysed offline.
 */
final class ScenarioRun {

    private static final List<String> SERIOUS = List.of("WARNING", "CRITICAL");

    private final Scenario scenario;
    private final Jdk jdk;

    ScenarioRun(Scenario scenario, Jdk jdk) {
        this.scenario = scenario;
        this.jdk = jdk;
    }

    ScenarioResult run() throws Exception {
        Path dir = Paths.workDir("quality-" + scenario.name() + "-" + jdk.name());
        Path recording = dir.resolve("run.jfr");
        List<String> jvmArgs = new ArrayList<>(scenario.jvmArgs());
        jvmArgs.add("-XX:StartFlightRecording=filename=" + recording + ",settings=default,dumponexit=true");
        Double detectedAfter = null;
        JsonNode last = null;
        String note = "";
        try (ChildJvm child = ChildJvm.on(jdk, dir).jvmArgs(jvmArgs.toArray(String[]::new))
                .agent("reportDir=" + dir + ",window=1s,interval=1s")
                .start(scenario.workload(), scenario.args().toArray(String[]::new))) {
            long started = System.nanoTime();
            Path report = Reports.file(dir, child.pid());
            while (elapsed(started) < scenario.seconds() && child.isAlive()) {
                Thread.sleep(1000);
                Optional<JsonNode> r = Reports.read(report);
                if (r.isEmpty()) {
                    continue;
                }
                last = r.get();
                if (detectedAfter == null && scenario.expectedKind() != null && serious(last, scenario.expectedKind())) {
                    detectedAfter = elapsed(started);
                }
            }
            if (!child.isAlive()) {
                note = "workload exited early";
            }
            child.stop();
            last = Reports.read(report).orElse(last);
        }
        return new ScenarioResult(scenario, jdk.name(), detectedAfter, expected(last, "pattern"), firstSuspect(last), falseAlarms(last),
                offline(dir, recording), note);
    }

    private Boolean offline(Path dir, Path recording) throws Exception {
        if (scenario.expectedKind() == null) {
            return null;
        }
        Path out = dir.resolve("offline-report.json");
        Cli.Result result = Cli.run(jdk, dir, "analyze", recording.toString(), "--out", out.toString(), "--window", "1s");
        return result.exitCode() == 0 && Reports.read(out).map(r -> serious(r, scenario.expectedKind())).orElse(false);
    }

    private String firstSuspect(JsonNode report) {
        JsonNode finding = expectedFinding(report);
        return finding == null ? null : finding.path("suspects").path(0).path("className").asText(null);
    }

    private String expected(JsonNode report, String field) {
        JsonNode finding = expectedFinding(report);
        return finding == null ? null : finding.path(field).asText(null);
    }

    private JsonNode expectedFinding(JsonNode report) {
        if (report == null || scenario.expectedKind() == null) {
            return null;
        }
        List<JsonNode> findings = Reports.findings(report, scenario.expectedKind());
        return findings.isEmpty() ? null : findings.get(0);
    }

    private List<String> falseAlarms(JsonNode report) {
        List<String> out = new ArrayList<>();
        if (report == null) {
            return out;
        }
        for (JsonNode f : report.path("findings")) {
            String kind = f.path("kind").asText();
            if (SERIOUS.contains(f.path("severity").asText()) && !kind.equals(scenario.expectedKind())
                    && !scenario.alsoFair().contains(kind)) {
                out.add(kind + " " + f.path("severity").asText());
            }
        }
        return out;
    }

    private static boolean serious(JsonNode report, String kind) {
        return Reports.findings(report, kind).stream().anyMatch(f -> SERIOUS.contains(f.path("severity").asText()));
    }

    private static double elapsed(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1e9;
    }
}
