package dev.precog.it.accuracy;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Renders backtested recordings as the Markdown page docs/forecast-accuracy.md. */
final class AccuracyTable {

    /** Below this many point forecasts a coverage is too noisy to call far from nominal. */
    static final int MIN_FORECASTS = 20;
    static final double LOW_80 = 0.70;
    static final double HIGH_80 = 0.90;
    static final double LOW_95 = 0.90;
    static final double HIGH_95 = 0.99;
    /**
     * A coverage outside its band is far from nominal only when chance explains it less often than
     * this: an exact binomial test that counts each origin as one trial, since the points after one
     * origin share one forecast and are far from independent (consecutive origins overlap too, so
     * this still calls more series far than a test knowing the true dependence would).
     */
    static final double SIGNIFICANCE = 0.05;

    private AccuracyTable() {}

    /**
     * The page for {@code results}, in the order given, generated at {@code generatedAt} by {@code command};
     * {@code answers} is the file name of the backtest's answers beside it.
     */
    static String markdown(List<RecordingResult> results, String command, String generatedAt, String answers) {
        StringBuilder md = new StringBuilder();
        md.append("# Forecast accuracy\n\n");
        md.append("How far Precog's forecasts can be trusted, measured on recordings of small real services: the\n")
                .append("scenario workloads of the detection-quality table run for minutes, a slow leak recorded for\n")
                .append("the better part of an hour, and a healthy service recorded for a long stretch. Each recording is\n")
                .append("replayed offline by `java -jar precog-agent.jar backtest <file.jfr> --window <w>`, which cuts it\n")
                .append("into windows as `analyze` does and measures, per forecast metric:\n\n");
        md.append("- **Rolling origins.** At 24 origins, from a quarter of the way in, the forecasters see only the\n")
                .append("  windows up to it, as the live agent would have at that moment, choose a model (*models chosen*\n")
                .append("  counts the origins each model won) and forecast. They forecast at every window between, too, as\n")
                .append("  the agent does, unscored: each forecast's bands are scaled by how the earlier ones fared.\n")
                .append("  Each scored forecast is compared with every later point\n")
                .append("  of the metric's whole series (prepared as the forecaster prepares it: warm-up dropped, at most\n")
                .append("  120 points) within the forecast's horizon. *Points* and *span* are that series' length,\n")
                .append("  *origins* how many forecasts were scored: an origin whose series gained no point since the one\n")
                .append("  before (the heap's points come with collections, which can be further apart than a window)\n")
                .append("  would repeat that forecast, and is not scored or counted again.\n")
                .append("- **Point MAPE** is the mean of |forecast − actual| / |actual| over all those (origin, point)\n")
                .append("  pairs (*n* of them).\n")
                .append("- **Coverage** is the share of those actual values that fell inside the forecast's 80% and 95%\n")
                .append("  prediction intervals. A calibrated forecaster is near 80% and 95%. ")
                .append(String.format(Locale.ROOT, "Coverage outside %.0f–%.0f%% (80%%) or\n", LOW_80 * 100, HIGH_80 * 100))
                .append(String.format(Locale.ROOT, "  %.0f–%.0f%% (95%%) is *low* (intervals too narrow: the forecaster is surer than it should\n",
                        LOW_95 * 100, HIGH_95 * 100))
                .append("  be) or *high* (too wide: it says less than it knows). It is **far from nominal**, shown **bold**, when\n")
                .append("  chance does not explain it either: an exact binomial test, each origin one trial (the points after\n")
                .append("  one origin share its forecast), rejects the nominal rate at ")
                .append(String.format(Locale.ROOT, "%.0f%%", SIGNIFICANCE * 100))
                .append(" (a calibrated forecaster puts all of 24\n")
                .append("  origins inside its 95% band three times in ten, so 100% there proves nothing). Outside the band but\n")
                .append("  within chance is marked *within chance*. Far from nominal is a bug to fix, not a result, but with\n")
                .append("  dozens of series tested twice each, a calibrated forecaster too would have a few far: the summary\n")
                .append("  says how many to expect by chance alone, under the same test, were the origins independent. They\n")
                .append("  are not: consecutive origins forecast much the same future, and for a series that wanders their\n")
                .append("  misses come together, so a calibrated forecaster of a random walk is called far about one time in\n")
                .append("  five (simulated by `FarTestCalibration`): the count is a floor, and a series far on set after set\n")
                .append("  says more than the count of one page. With fewer than ")
                .append(MIN_FORECASTS).append(" forecast\n  windows a coverage is marked *few* instead.")
                .append(" A series whose every forecast hit every later point\n")
                .append("  exactly (a thread count that never moved) is marked *exact*: there was no error to size the bands\n")
                .append("  by, so its 100% is neither judged nor pooled.\n")
                .append("- **Missed above / below** splits what each band missed by side, in percent of the pairs: a\n")
                .append("  calibrated 80% band misses about 10 above and 10 below, a 95% band 2.5 each. Misses all on one\n")
                .append("  side say the forecast is off that way (a trend carried on, a level left); misses all above and\n")
                .append("  few below, bands placed too low for a series that spikes up from a level it often sits at.\n")
                .append("- **Time to threshold.** The threshold is the metric's real limit (for the heap, its maximum) when\n")
                .append("  the recording crossed it, else a level the series really reached later in the recording\n")
                .append("  (*why* says which). At each origin before the real crossing, the forecast time to threshold is\n")
                .append("  compared with the real time left until the crossing: *TTT MAPE* is the mean of\n")
                .append("  |forecast − real| / real over the *n* origins that forecast a crossing, *missed* counts the origins\n")
                .append("  whose forecast claimed no crossing although the real one came within its horizon. An origin whose\n")
                .append("  next point is the crossing counts in neither: the series shows a crossing only at a point, the\n")
                .append("  real one came anywhere in the gap before it, and the error there is the sampling's\n")
                .append("  (`backtest --detail` shows each origin's time, and how it counted).\n\n");
        List<SeriesAccuracy> all = new ArrayList<>();
        results.forEach(r -> all.addAll(r.series()));
        long flagged = all.stream().filter(AccuracyTable::farFromNominal).count();
        long outside = all.stream().filter(AccuracyTable::outsideBands).count();
        md.append("## Summary\n\n");
        md.append(results.size()).append(results.size() == 1 ? " recording, " : " recordings, ").append(all.size())
                .append(" series").append(" backtested; ");
        md.append(flagged == 0 ? "no series has" : flagged + (flagged == 1 ? " series has" : " series have"))
                .append(" coverage far from nominal");
        if (outside > flagged) {
            md.append(" (").append(outside).append(" outside the bands, ").append(outside - flagged).append(" of them within chance)");
        }
        if (all.stream().anyMatch(AccuracyTable::judged)) {
            double chance = ChanceOfFar.expected(all);
            String amount = String.format(Locale.ROOT, chance < 1 ? "%.2f" : "%.1f", chance);
            md.append("; a calibrated forecaster would have about ").append(amount)
                    .append(" far by chance alone, under the same test, were its origins independent trials (more, as they are not)");
        }
        md.append('.');
        long failed = results.stream().filter(r -> r.backtest() == null).count();
        if (failed > 0) {
            md.append(" ").append(failed).append(failed == 1 ? " recording could not be backtested (see its note)."
                    : " recordings could not be backtested (see their notes).");
        }
        md.append("\n\n");
        md.append(pooledSection(all));
        md.append("## Results\n\n");
        md.append("| recording | JDK | metric | points | span | origins | models chosen | point MAPE (n) | 80% coverage | 95% coverage "
                + "| " + SIDES + " | threshold (why) | crossed after | TTT MAPE (n) | missed |\n");
        md.append("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|\n");
        for (RecordingResult r : results) {
            for (SeriesAccuracy s : r.series()) {
                md.append(row(r, s));
            }
        }
        md.append("\n## Recordings\n\n");
        md.append("| recording | JDK | the heap | workload | JVM flags | recorded | size | GCs | window | note |\n");
        md.append("|---|---|---|---|---|---|---|---|---|---|\n");
        for (RecordingResult r : results) {
            md.append("| ").append(cell(r.name()))
                    .append(" | ").append(cell(r.jdkVersion()))
                    .append(" | ").append(cell(r.shape()))
                    .append(" | `").append(cell(r.workload())).append('`')
                    .append(" | `").append(cell(r.jvmFlags())).append('`')
                    .append(" | ").append(duration(r.recordedSeconds()))
                    .append(" | ").append(String.format(Locale.ROOT, "%.1f MB", r.recordingBytes() / 1e6))
                    .append(" | ").append(r.garbageCollections())
                    .append(" | ").append(cell(r.window()))
                    .append(" | ").append(cell(r.note()))
                    .append(" |\n");
        }
        md.append("\nRecordings are not kept in the repository; the backtest's answers are, in\n")
                .append("[`").append(answers).append("`](").append(answers).append("). Generated (last updated, when a subset was rerun) ")
                .append(generatedAt).append(" by:\n\n```sh\n").append(command).append("\n```\n");
        return md.toString();
    }

    /** Every metric over all recordings (see {@link PooledAccuracy}), with the per-series flags counted. */
    static String pooledSection(List<SeriesAccuracy> all) {
        StringBuilder md = new StringBuilder("## Per metric, all recordings pooled\n\n");
        md.append("Each measure over every (origin, point) pair of every recording of the metric: how the intervals do\n")
                .append("on the whole, where a series too wide and one too narrow can cancel. The last column counts the\n")
                .append("series that are far from nominal on their own (the results below), which pooling does not excuse.\n")
                .append("Series forecast exactly (*exact* below) count in the point MAPE but not in the coverage or its sides.\n\n");
        md.append("| metric | series | point MAPE (n) | 80% coverage | 95% coverage | " + SIDES
                + " | TTT MAPE (n) | missed | series far from nominal |\n");
        md.append("|---|---|---|---|---|---|---|---|---|\n");
        for (PooledAccuracy p : PooledAccuracy.of(all)) {
            md.append("| `").append(cell(p.metric())).append('`')
                    .append(" | ").append(p.series())
                    .append(" | ").append(withCount(p.pointMape(), p.pointForecasts()))
                    .append(" | ").append(coverage(p.coverage80(), NOMINAL_80, p.pointForecasts(), p.origins()))
                    .append(" | ").append(coverage(p.coverage95(), NOMINAL_95, p.pointForecasts(), p.origins()))
                    .append(" | ").append(sides(p.coverage80(), p.above80(), p.coverage95(), p.above95()))
                    .append(" | ").append(withCount(p.timeToThresholdMape(), p.timeToThresholdForecasts()))
                    .append(" | ").append(p.crossingsMissed())
                    .append(" | ").append(p.farFromNominal()).append(" of ").append(p.series())
                    .append(" |\n");
        }
        return md.append('\n').toString();
    }

    /** One row of the results table, ending in a newline. */
    static String row(RecordingResult r, SeriesAccuracy s) {
        return "| " + cell(r.name())
                + " | " + cell(r.jdk())
                + " | `" + cell(s.metric()) + "`"
                + " | " + count(s.points())
                + " | " + duration(s.spanSeconds())
                + " | " + count(s.origins())
                + " | " + models(s.chosenModels())
                + " | " + withCount(s.pointMape(), s.pointForecasts())
                + " | " + (s.exact() ? EXACT : coverage(s.coverage80(), NOMINAL_80, s.pointForecasts(), s.origins()))
                + " | " + (s.exact() ? EXACT : coverage(s.coverage95(), NOMINAL_95, s.pointForecasts(), s.origins()))
                + " | " + sides(s.coverage80(), s.above80(), s.coverage95(), s.above95())
                + " | " + threshold(s)
                + " | " + duration(s.crossedAfterSeconds())
                + " | " + withCount(s.timeToThresholdMape(), s.timeToThresholdForecasts())
                + " | " + count(s.crossingsMissed())
                + " |\n";
    }

    /** An interval's nominal coverage and the band around it that is near enough. */
    record Nominal(double rate, double low, double high) {}

    static final Nominal NOMINAL_80 = new Nominal(0.80, LOW_80, HIGH_80);
    static final Nominal NOMINAL_95 = new Nominal(0.95, LOW_95, HIGH_95);

    /** The coverage cell of a series forecast exactly ({@link SeriesAccuracy#exact}). */
    static final String EXACT = "100% (exact)";

    /** Whether either interval's coverage is far from nominal (see {@link #far}); never for a series forecast exactly. */
    static boolean farFromNominal(SeriesAccuracy s) {
        return judged(s) && (far(s.coverage80(), NOMINAL_80, s.pointForecasts(), s.origins())
                || far(s.coverage95(), NOMINAL_95, s.pointForecasts(), s.origins()));
    }

    /** Whether either interval's coverage is outside its band, on enough forecasts to tell, by chance or not. */
    static boolean outsideBands(SeriesAccuracy s) {
        return judged(s) && (outside(s.coverage80(), NOMINAL_80) || outside(s.coverage95(), NOMINAL_95));
    }

    /** Whether the series' coverage is judged at all: not forecast exactly, and on enough forecasts. */
    static boolean judged(SeriesAccuracy s) {
        return !s.exact() && enough(s.pointForecasts());
    }

    /**
     * Outside its band, on enough forecasts, and more than chance away from the nominal rate over
     * {@code origins} trials; with the origins unknown the band alone decides.
     */
    static boolean far(Double coverage, Nominal nominal, Long forecasts, Long origins) {
        if (!enough(forecasts) || !outside(coverage, nominal)) {
            return false;
        }
        if (origins == null || origins <= 0) {
            return true;
        }
        int n = Math.toIntExact(origins);
        int inside = (int) Math.round(coverage * n);
        return BinomialTest.twoSidedP(inside, n, nominal.rate()) < SIGNIFICANCE;
    }

    static String coverage(Double value, Nominal nominal, Long forecasts, Long origins) {
        if (value == null) {
            return "–";
        }
        String text = String.format(Locale.ROOT, "%.0f%%", value * 100);
        if (!enough(forecasts)) {
            return text + " (few)";
        }
        if (!outside(value, nominal)) {
            return text;
        }
        String way = value < nominal.low() ? "low" : "high";
        return far(value, nominal, forecasts, origins) ? "**" + text + "** (" + way + ")" : text + " (" + way + ", within chance)";
    }

    /** The heading of the column that says on which side of each band its misses fell. */
    static final String SIDES = "missed above / below, 80% · 95%";

    /**
     * "17 / 3 · 11 / 0": the percentages of the actual values above and below the 80% band, then
     * the 95% band; a dash when the answer does not say (made before it counted them).
     */
    static String sides(Double coverage80, Double above80, Double coverage95, Double above95) {
        if (coverage80 == null || above80 == null || coverage95 == null || above95 == null) {
            return "–";
        }
        return String.format(Locale.ROOT, "%.0f / %.0f · %.0f / %.0f", 100 * above80, 100 * Math.max(0, 1 - coverage80 - above80),
                100 * above95, 100 * Math.max(0, 1 - coverage95 - above95));
    }

    /** "3.4% (240)": an error and how many forecasts it is the mean of; a dash when undefined. */
    private static String withCount(Double fraction, Long n) {
        return fraction == null ? "–" : n == null ? percent(fraction) : percent(fraction) + " (" + n + ")";
    }

    static String percent(Double fraction) {
        return fraction == null ? "–" : String.format(Locale.ROOT, "%.1f%%", fraction * 100);
    }

    /** "45 s", "19m40s", "1h05m"; a dash when undefined. */
    static String duration(Double seconds) {
        if (seconds == null) {
            return "–";
        }
        long s = Math.round(seconds);
        if (s < 120) {
            return s + " s";
        }
        if (s < 3600) {
            return String.format(Locale.ROOT, "%dm%02ds", s / 60, s % 60);
        }
        return String.format(Locale.ROOT, "%dh%02dm", s / 3600, s % 3600 / 60);
    }

    /** The models by how often they were chosen, most first: "theil-sen-linear ×9, damped-trend ×3". */
    static String models(Map<String, Long> chosen) {
        if (chosen == null || chosen.isEmpty()) {
            return "–";
        }
        Map<String, Long> ordered = new LinkedHashMap<>();
        chosen.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder()).thenComparing(Map.Entry.comparingByKey()))
                .forEach(e -> ordered.put(e.getKey(), e.getValue()));
        List<String> parts = new ArrayList<>();
        ordered.forEach((model, n) -> parts.add(cell(model) + " ×" + n));
        return String.join(", ", parts);
    }

    /** The threshold in the metric's unit (MB for byte metrics) and why it was chosen. */
    static String threshold(SeriesAccuracy s) {
        if (s.threshold() == null) {
            return "–";
        }
        String value = bytes(s.metric()) ? String.format(Locale.ROOT, "%.1f MB", s.threshold() / (1024 * 1024))
                : String.format(Locale.ROOT, "%.4g", s.threshold());
        return s.thresholdSource() == null ? value : value + " (" + cell(s.thresholdSource()) + ")";
    }

    private static boolean bytes(String metric) {
        String m = metric.toLowerCase(Locale.ROOT);
        return m.startsWith("heap.") || m.startsWith("metaspace") || m.contains("bytes") || m.contains("rss")
                || m.contains("direct") || m.contains("native");
    }

    private static String count(Long n) {
        return n == null ? "–" : Long.toString(n);
    }

    private static boolean enough(Long forecasts) {
        return forecasts != null && forecasts >= MIN_FORECASTS;
    }

    private static boolean outside(Double value, Nominal nominal) {
        return value != null && (value < nominal.low() || value > nominal.high());
    }

    /** Text safe inside a table cell. */
    private static String cell(String text) {
        return text == null ? "" : text.replace("|", "\\|").replace("\n", " ");
    }
}
