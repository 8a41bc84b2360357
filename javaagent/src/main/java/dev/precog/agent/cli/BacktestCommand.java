package dev.precog.agent.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.precog.analyzer.forecast.ForecastBacktest;
import dev.precog.analyzer.jfr.UnreadableRecordingException;
import dev.precog.analyzer.report.ReportWriter;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code backtest <file.jfr> [--out F|-] [--window 10s] [--progress|--quiet]}: replays a recording and
 * scores the forecasts Precog would have made along the way against what the recording did next.
 * Reading progress goes to stderr as for {@code analyze}.
 */
final class BacktestCommand {

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private BacktestCommand() {}

    static int run(List<String> args, PrintStream out, PrintStream err) throws CliException {
        List<String> rest = new ArrayList<>(args);
        String outFile = AnalyzeCommand.option(rest, "--out");
        String windowText = AnalyzeCommand.option(rest, "--window");
        ProgressOption progressOption = ProgressOption.take(rest);
        if (rest.size() != 1 || progressOption.conflicting()) {
            throw new CliException(ExitCodes.USAGE,
                    "usage: backtest <file.jfr> [--out scores.json|-] [--window 10s] [--progress|--quiet]");
        }
        Duration window = windowText == null ? Duration.ofSeconds(10) : DurationArgs.parse("--window", windowText);
        Path recording = Path.of(rest.get(0));
        boolean terminal = Terminal.stderrIsTerminal();
        ProgressLine progress = new ProgressLine("reading " + recording.getFileName(), err, terminal, System::nanoTime);
        ForecastBacktest.Result result;
        boolean completed = false;
        try {
            result = new ForecastBacktest(window).run(recording, progressOption.to(progress, terminal));
            completed = true;
        } catch (UnreadableRecordingException e) {
            throw new CliException(ExitCodes.FAILED, e.getMessage());
        } finally {
            progress.finish(completed);
        }
        String json;
        try {
            json = MAPPER.writeValueAsString(result);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("scores cannot be serialised", e);
        }
        if ("-".equals(outFile)) {
            out.println(json);
            return ExitCodes.OK;
        }
        print(result, out);
        if (outFile != null) {
            try {
                ReportWriter.writeAtomically(Path.of(outFile), json);
            } catch (IOException e) {
                throw new CliException(ExitCodes.FAILED, "cannot write " + outFile + ": " + TargetJvm.message(e));
            }
            out.println("Scores written to " + Path.of(outFile).toAbsolutePath());
        }
        return ExitCodes.OK;
    }

    private static void print(ForecastBacktest.Result r, PrintStream out) {
        out.printf(Locale.ROOT, "Backtest of %s: %d windows of %ss%n", r.recording(), r.windows(), r.windowSeconds());
        out.printf(Locale.ROOT, "%-22s %7s %8s %9s %7s %7s %12s %s%n", "metric", "origins", "pairs", "pointMAPE", "cov80",
                "cov95", "tttMAPE (n)", "models chosen");
        for (ForecastBacktest.MetricScore s : r.series()) {
            out.printf(Locale.ROOT, "%-22s %7d %8d %9s %7s %7s %12s %s%n", s.metric(), s.origins(), s.pointForecasts(),
                    percent(s.pointMape()), percent(s.coverage80()), percent(s.coverage95()),
                    s.timeToThresholdForecasts() == 0 ? "-" : percent(s.timeToThresholdMape()) + " (" + s.timeToThresholdForecasts() + ")",
                    s.chosenModels());
        }
    }

    private static String percent(Double ratio) {
        return ratio == null ? "-" : String.format(Locale.ROOT, "%.1f%%", 100 * ratio);
    }
}
