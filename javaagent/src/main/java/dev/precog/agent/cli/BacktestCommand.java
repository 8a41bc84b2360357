package dev.precog.agent.cli;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.precog.analyzer.forecast.ForecastBacktest;
import dev.precog.analyzer.jfr.UnreadableRecordingException;
import dev.precog.analyzer.report.Format;
import dev.precog.analyzer.report.ReportWriter;
import dev.precog.model.Unit;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * {@code backtest <file.jfr> [--out F|-] [--window 10s] [--detail metric,...] [--progress|--quiet]}:
 * replays a recording and scores the forecasts Precog would have made along the way against what
 * the recording did next; {@code --detail} also shows each forecast of the metrics named and every
 * later point against its bands. Reading progress goes to stderr as for {@code analyze}.
 */
final class BacktestCommand {

    private static final String USAGE =
            "usage: backtest <file.jfr> [--out scores.json|-] [--window 10s] [--detail metric,...] [--progress|--quiet]";
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
            .addMixIn(ForecastBacktest.Result.class, DetailsOnlyWhenAsked.class);

    /** Scores without {@code --detail} read as they did before it: no empty {@code details}. */
    private abstract static class DetailsOnlyWhenAsked {
        @JsonInclude(JsonInclude.Include.NON_EMPTY)
        abstract List<ForecastBacktest.OriginDetail> details();
    }

    private BacktestCommand() {}

    static int run(List<String> args, PrintStream out, PrintStream err) throws CliException {
        List<String> rest = new ArrayList<>(args);
        String outFile = AnalyzeCommand.option(rest, "--out");
        String windowText = AnalyzeCommand.option(rest, "--window");
        String detailText = AnalyzeCommand.option(rest, "--detail");
        ProgressOption progressOption = ProgressOption.take(rest);
        if (rest.size() != 1 || progressOption.conflicting()) {
            throw new CliException(ExitCodes.USAGE, USAGE);
        }
        Duration window = windowText == null ? Duration.ofSeconds(10) : DurationArgs.parse("--window", windowText);
        Set<String> detailed = detailText == null ? Set.of()
                : Stream.of(detailText.split(",")).map(String::strip).collect(Collectors.toUnmodifiableSet());
        ForecastBacktest backtest;
        try {
            backtest = new ForecastBacktest(window, detailed);
        } catch (IllegalArgumentException e) {
            throw new CliException(ExitCodes.USAGE, "--detail: " + e.getMessage());
        }
        Path recording = Path.of(rest.get(0));
        boolean terminal = Terminal.stderrIsTerminal();
        ProgressLine progress = new ProgressLine("reading " + recording.getFileName(), err, terminal, System::nanoTime);
        ForecastBacktest.Result result;
        boolean completed = false;
        try {
            result = backtest.run(recording, progressOption.to(progress, terminal));
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
        print(result, detailed, out);
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

    private static void print(ForecastBacktest.Result r, Set<String> detailed, PrintStream out) {
        out.printf(Locale.ROOT, "Backtest of %s: %d windows of %ss%n", r.recording(), r.windows(), r.windowSeconds());
        out.printf(Locale.ROOT, "%-22s %7s %8s %9s %7s %7s %12s %s%n", "metric", "origins", "pairs", "pointMAPE", "cov80",
                "cov95", "tttMAPE (n)", "models chosen");
        for (ForecastBacktest.MetricScore s : r.series()) {
            out.printf(Locale.ROOT, "%-22s %7d %8d %9s %7s %7s %12s %s%n", s.metric(), s.origins(), s.pointForecasts(),
                    percent(s.pointMape()), percent(s.coverage80()), percent(s.coverage95()),
                    s.timeToThresholdForecasts() == 0 ? "-" : percent(s.timeToThresholdMape()) + " (" + s.timeToThresholdForecasts() + ")",
                    s.chosenModels());
        }
        for (String metric : ForecastBacktest.metrics()) {
            if (detailed.contains(metric) && r.series().stream().noneMatch(s -> s.metric().equals(metric))) {
                out.printf(Locale.ROOT, "%n%s: no forecast to show, the recording has too little of it%n", metric);
            }
        }
        for (ForecastBacktest.OriginDetail d : r.details()) {
            out.printf(Locale.ROOT, "%n%s, forecast at %s into the recording from %d points, %s%s%n", d.metric(),
                    Format.duration(d.originSeconds()), d.historyPoints(), d.model(),
                    d.adjustment() == null ? "" : "; " + d.adjustment());
            out.printf(Locale.ROOT, "  %8s %14s %14s %31s %31s%n", "lead", "actual", "forecast", "80% band", "95% band");
            for (ForecastBacktest.PairDetail p : d.pairs()) {
                out.printf(Locale.ROOT, "  %8s %14s %14s %31s %31s%s%n", "+" + Format.duration(p.leadSeconds()),
                        value(p.actual(), d.unit()), value(p.forecast(), d.unit()), band(p.low80(), p.high80(), d.unit()),
                        band(p.low95(), p.high95(), d.unit()), p.miss() == null ? "" : "  " + p.miss());
            }
            ForecastBacktest.ThresholdTiming t = d.timing();
            if (t != null) {
                out.printf(Locale.ROOT, "  time to %s (%s): forecast %s, actual %s%s%n", value(t.threshold(), d.unit()),
                        t.thresholdSource(), t.forecastSeconds() == null ? "no crossing" : Format.duration(t.forecastSeconds())
                                + String.format(Locale.ROOT, " (%+.0f%%)", 100 * (t.forecastSeconds() / t.actualSeconds() - 1)),
                        Format.duration(t.actualSeconds()), switch (t.verdict()) {
                            case TIMED -> "";
                            case MISSED -> "; missed";
                            case BEYOND_HORIZON -> "; not counted: past the forecast's horizon";
                            case NEXT_POINT -> "; not counted: the crossing is the series' next point";
                        });
            }
        }
    }

    private static String band(double low, double high, Unit unit) {
        return value(low, unit) + " to " + value(high, unit);
    }

    /** Fine enough to tell a point from a band's edge: megabytes to 0.01, CPU to 0.01% of all CPUs. */
    private static String value(double v, Unit unit) {
        return switch (unit) {
            case BYTES -> String.format(Locale.ROOT, "%.2f MB", v / (1 << 20));
            case RATIO -> String.format(Locale.ROOT, "%.2f%%", 100 * v);
            default -> String.format(Locale.ROOT, "%.1f", v);
        };
    }

    private static String percent(Double ratio) {
        return ratio == null ? "-" : String.format(Locale.ROOT, "%.1f%%", 100 * ratio);
    }
}
