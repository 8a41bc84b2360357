package dev.precog.agent.cli;

import dev.precog.agent.AgentStarter;
import dev.precog.analyzer.OfflineAnalysis;
import dev.precog.analyzer.jfr.UnreadableRecordingException;
import dev.precog.analyzer.report.ReportHtml;
import dev.precog.analyzer.report.ReportJson;
import dev.precog.analyzer.report.ReportWriter;
import dev.precog.model.Report;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code analyze <file.jfr> [--out report.json] [--html report.html] [--window 10s] [--progress|--quiet]}:
 * the live detectors, offline. Progress goes to stderr when it is a terminal, or when asked for.
 */
final class AnalyzeCommand {

    private static final String USAGE = "usage: analyze <file.jfr> [--out report.json|-] [--html report.html] [--window 10s] [--progress|--quiet]";

    private AnalyzeCommand() {}

    static int run(List<String> args, PrintStream out, PrintStream err) throws CliException {
        List<String> rest = new ArrayList<>(args);
        String outFile = option(rest, "--out");
        String htmlFile = option(rest, "--html");
        String windowText = option(rest, "--window");
        ProgressOption progressOption = ProgressOption.take(rest);
        if (rest.size() != 1 || progressOption.conflicting()) {
            throw new CliException(ExitCodes.USAGE, USAGE);
        }
        Duration window = windowText == null ? Duration.ofSeconds(10) : DurationArgs.parse("--window", windowText);
        Path recording = Path.of(rest.get(0));
        boolean terminal = Terminal.stderrIsTerminal();
        ProgressLine progress = new ProgressLine("reading " + recording.getFileName(), err, terminal, System::nanoTime);
        Report report;
        boolean completed = false;
        try {
            report = new OfflineAnalysis(window).analyze(recording, AgentStarter.version(), progressOption.to(progress, terminal));
            completed = true;
        } catch (UnreadableRecordingException e) {
            throw new CliException(ExitCodes.FAILED, e.getMessage());
        } finally {
            progress.finish(completed);
        }
        String json = ReportJson.toJson(report);
        if ("-".equals(outFile)) {
            out.println(json);
        } else {
            try {
                ReportSummary.print(ReportSummary.parse(json), out);
            } catch (IOException e) {
                throw new CliException(ExitCodes.FAILED, "cannot read the report back: " + e.getMessage());
            }
            if (outFile != null) {
                write(Path.of(outFile), json, out);
            }
        }
        if (htmlFile != null) {
            // with the JSON on stdout, where the page went is said on stderr
            write(Path.of(htmlFile), ReportHtml.toHtml(report), "-".equals(outFile) ? err : out);
        }
        return ExitCodes.OK;
    }

    private static void write(Path file, String content, PrintStream out) throws CliException {
        try {
            ReportWriter.writeAtomically(file, content);
            out.println("Report written to " + file.toAbsolutePath());
        } catch (IOException e) {
            throw new CliException(ExitCodes.FAILED, "cannot write " + file + ": " + TargetJvm.message(e));
        }
    }

    /** Removes {@code name} from {@code args}; true when it was there. */
    static boolean flag(List<String> args, String name) {
        return args.remove(name);
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
