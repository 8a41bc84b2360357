package dev.precog.agent.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.precog.agent.AgentOptions;
import dev.precog.agent.OptionsException;
import dev.precog.analyzer.report.ReportWriter;
import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * {@code demo [--dir D] [--seconds N]}: runs the bundled leaking service in a child JVM with
 * the agent, waits until Precog reports the leak with confidence (or the time is up), and
 * prints where the report is and what it found.
 */
final class DemoCommand {

    private static final String DEMO_MAIN = "dev.precog.agent.boot.DemoService";

    private static final double DEMO_OVERHEAD_BUDGET = 0.05;

    private DemoCommand() {}

    static int run(List<String> args, File agentJar, PrintStream out) throws CliException {
        List<String> rest = new ArrayList<>(args);
        String dirText = AnalyzeCommand.option(rest, "--dir");
        String secondsText = AnalyzeCommand.option(rest, "--seconds");
        if (!rest.isEmpty()) {
            throw new CliException(ExitCodes.USAGE, "usage: demo [--dir precog-demo] [--seconds 150]");
        }
        Path dir = Path.of(dirText == null ? "precog-demo" : dirText).toAbsolutePath().normalize();
        long seconds = parseSeconds(secondsText);
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new CliException(ExitCodes.FAILED, "cannot create " + dir + ": " + TargetJvm.message(e));
        }
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String agentOptions;
        try {
            // 2-s windows show the leak quickly but cost the agent a few percent of a core, above the default
            // budget; the demo allows that, so the evidence it shows is not paused half-way
            agentOptions = new AgentOptions(dir, Duration.ofSeconds(4), Duration.ofSeconds(2), Duration.ofSeconds(1), false, true,
                    false, AgentOptions.defaults().heapDumpBefore(), false, AgentOptions.defaults().profileDuration(),
                    DEMO_OVERHEAD_BUDGET, AgentOptions.defaults().overheadPeriod(), false, AgentOptions.defaults().chunkRotation())
                    .toAgentString();
        } catch (OptionsException e) {
            throw new CliException(ExitCodes.USAGE, e.getMessage());
        }
        List<String> command = List.of(java, "-Xmx512m", "-XX:+UseG1GC",
                "-javaagent:" + agentJar.getAbsolutePath() + "=" + agentOptions,
                "-cp", agentJar.getAbsolutePath(), DEMO_MAIN, "250", "8192");
        out.println("Starting the demo service (heap 512 MB, leaking about 2 MB/s) with Precog attached at start-up...");
        Process child;
        try {
            child = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(dir.resolve("demo-service.log").toFile()).start();
        } catch (IOException e) {
            throw new CliException(ExitCodes.FAILED, "cannot start " + java + ": " + TargetJvm.message(e));
        }
        Path report = dir.resolve("precog-report-" + child.pid() + ".json");
        try {
            JsonNode last = waitForLeak(child, report, Instant.now().plusSeconds(seconds), out);
            child.destroy();
            if (!child.waitFor(30, TimeUnit.SECONDS)) {
                child.destroyForcibly();
            }
            if (Files.exists(report)) {
                last = ReportSummary.read(report);
            }
            if (last == null) {
                throw new CliException(ExitCodes.FAILED, "the demo service wrote no report; see " + dir.resolve("demo-service.log"));
            }
            out.println();
            out.println("Report: " + report);
            Path page = ReportWriter.htmlBeside(report);
            if (Files.exists(page)) {
                out.println("Page:   " + page);
            }
            ReportSummary.print(last, out);
            return ExitCodes.OK;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CliException(ExitCodes.FAILED, "interrupted");
        } catch (IOException e) {
            throw new CliException(ExitCodes.FAILED, "cannot read " + report + ": " + TargetJvm.message(e));
        } finally {
            child.destroyForcibly();
        }
    }

    /**
     * Polls the report until it holds a MEMORY_LEAK at WARNING or above whose suspects come from
     * the class-histogram diff, the child dies, or time is up.
     */
    private static JsonNode waitForLeak(Process child, Path report, Instant deadline, PrintStream out)
            throws InterruptedException, IOException {
        JsonNode last = null;
        Instant nextProgress = Instant.now().plusSeconds(15);
        while (Instant.now().isBefore(deadline) && child.isAlive()) {
            if (Files.exists(report)) {
                last = ReportSummary.read(report);
                for (JsonNode f : last.path("findings")) {
                    if ("MEMORY_LEAK".equals(f.path("kind").asText()) && !"INFO".equals(f.path("severity").asText())
                            && "class-histogram-diff".equals(f.path("suspects").path(0).path("basis").asText())) {
                        return last;
                    }
                }
            }
            if (Instant.now().isAfter(nextProgress)) {
                out.println("  ... " + (last == null ? "waiting for the first report" : "analysed "
                        + last.path("analysis").path("windows").asText() + " windows, "
                        + last.path("findings").size() + " finding(s) so far"));
                nextProgress = Instant.now().plusSeconds(15);
            }
            child.waitFor(1, TimeUnit.SECONDS);
        }
        return last;
    }

    private static long parseSeconds(String text) throws CliException {
        if (text == null) {
            return 150;
        }
        try {
            long s = Long.parseLong(text);
            if (s < 10) {
                throw new NumberFormatException();
            }
            return s;
        } catch (NumberFormatException e) {
            throw new CliException(ExitCodes.USAGE, "bad value '" + text + "' for --seconds: expected a whole number of at least 10");
        }
    }
}
