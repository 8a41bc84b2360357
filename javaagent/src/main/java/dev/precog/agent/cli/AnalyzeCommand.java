package dev.precog.agent.cli;

import dev.precog.agent.AgentStarter;
import dev.precog.analyzer.OfflineAnalysis;
import dev.precog.analyzer.jfr.UnreadableRecordingException;
import dev.precog.analyzer.report.ReportJson;
import dev.precog.analyzer.report.ReportWriter;
import dev.precog.model.Report;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** {@code analyze <file.jfr> [--out report.json] [--window 10s]}: the live detectors, offline. */
final class AnalyzeCommand {

    private AnalyzeCommand() {}

    static int run(List<String> args, PrintStream out) throws CliException {
        List<String> rest = new ArrayList<>(args);
        String outFile = option(rest, "--out");
        String windowText = option(rest, "--window");
        if (rest.size() != 1) {
            throw new CliException(ExitCodes.USAGE, "usage: analyze <file.jfr> [--out report.json|-] [--window 10s]");
        }
        Duration window = windowText == null ? Duration.ofSeconds(10) : DurationArgs.parse("--window", windowText);
        Report report;
        try {
            report = new OfflineAnalysis(window).analyze(Path.of(rest.get(0)), AgentStarter.version());
        } catch (UnreadableRecordingException e) {
            throw new CliException(ExitCodes.FAILED, e.getMessage());
        }
        String json = ReportJson.toJson(report);
        if ("-".equals(outFile)) {
            out.println(json);
            return ExitCodes.OK;
        }
        try {
            ReportSummary.print(ReportSummary.parse(json), out);
            if (outFile != null) {
                ReportWriter.writeAtomically(Path.of(outFile), json);
                out.println("Report written to " + Path.of(outFile).toAbsolutePath());
            }
        } catch (IOException e) {
            throw new CliException(ExitCodes.FAILED, "cannot write " + outFile + ": " + TargetJvm.message(e));
        }
        return ExitCodes.OK;
    }

    /** Removes {@code --name value} from {@code args} and returns the value, or null. */
    static String option(List<String> args, String name) throws CliException {
        int i = args.indexOf(name);
        if (i < 0) {
            return null;
        }
        if (i + 1 >= args.size()) {
            throw new CliException(ExitCodes.USAGE, name + " needs a value");
        }
        String value = args.get(i + 1);
        args.remove(i + 1);
        args.remove(i);
        return value;
    }
}
