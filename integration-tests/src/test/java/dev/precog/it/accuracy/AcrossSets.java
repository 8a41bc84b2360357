package dev.precog.it.accuracy;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Whether a series' coverage is far from nominal judged across sets, each set's recording of the
 * scenario one independent trial: the mean coverage against the nominal rate by Student's t over
 * the recordings. The page's own test counts every origin of one recording as a trial, and they hang
 * together, so it calls right bands of a persistent series far about one time in five
 * ({@link FarTestCalibration}); recordings made at different times do not share a future. The
 * spread between recordings is the test's error, never taken under the largest spread independent
 * origins could give (each origin all inside or all outside the band), so three recordings that all
 * held 100% do not prove a band too wide by agreeing; Student's t with one degree of freedom fewer
 * than the recordings is kept even where that floor sets the error, which errs towards calling
 * nothing far. With three sets of 24 origins or fewer no band can be shown too wide: 100% on all
 * three is p = 0.05 at 80%. {@link #main} prints the table the README quotes from the sets' JSON.
 */
final class AcrossSets {

    static final double SIGNIFICANCE = 0.05;

    private AcrossSets() {}

    /**
     * The verdict on one band over the recordings.
     *
     * @param mean the mean coverage over the recordings
     * @param standardError the mean's standard error
     * @param p the two-sided p-value of the mean against the nominal rate
     * @param far whether the mean is outside the nominal range and chance does not explain it
     */
    record Verdict(double mean, double standardError, double p, boolean far) {}

    /** The verdict on coverages {@code coverage} (one per recording, each of {@code origins} origins) against {@code nominal}. */
    static Verdict judge(double[] coverage, long[] origins, AccuracyTable.Nominal nominal) {
        int k = coverage.length;
        if (k < 2 || origins.length != k) {
            throw new IllegalArgumentException("needs two recordings or more, each with its origins");
        }
        for (double c : coverage) {
            if (!(c >= 0 && c <= 1)) {
                throw new IllegalArgumentException("a coverage is a share between 0 and 1, not " + c);
            }
        }
        double mean = 0;
        double independent = 0;
        for (int i = 0; i < k; i++) {
            mean += coverage[i] / k;
            independent += nominal.rate() * (1 - nominal.rate()) / Math.max(1, origins[i]) / k;
        }
        double between = 0;
        for (double c : coverage) {
            between += (c - mean) * (c - mean) / (k - 1);
        }
        double se = Math.sqrt(Math.max(between, independent) / k);
        double p = StudentT.twoSidedP((mean - nominal.rate()) / se, k - 1);
        boolean outside = mean < nominal.low() || mean > nominal.high();
        return new Verdict(mean, se, p, outside && p < SIGNIFICANCE);
    }

    /** A series' verdicts at 80% and at 95%; it is far when either band is. */
    record Verdicts(Verdict at80, Verdict at95) {

        boolean far() {
            return at80.far() || at95.far();
        }
    }

    /** The verdicts at 80% and at 95% over recordings of {@code origins} origins each. */
    static Verdicts judgeBoth(double[] coverage80, double[] coverage95, long[] origins) {
        return new Verdicts(judge(coverage80, origins, AccuracyTable.NOMINAL_80), judge(coverage95, origins, AccuracyTable.NOMINAL_95));
    }

    /** One series (a recording's scenario on one JDK, and a metric) in every set that judged it, in the order given. */
    record Series(String recording, String jdk, String metric, List<String> sets, List<SeriesAccuracy> accuracy) {

        double[] coverage80() {
            return accuracy.stream().mapToDouble(SeriesAccuracy::coverage80).toArray();
        }

        double[] coverage95() {
            return accuracy.stream().mapToDouble(SeriesAccuracy::coverage95).toArray();
        }

        long[] origins() {
            return accuracy.stream().mapToLong(SeriesAccuracy::origins).toArray();
        }
    }

    /** Every series judged ({@link AccuracyTable#judged}) in two sets or more, keyed in first-seen order. */
    static List<Series> collect(Map<String, List<RecordingResult>> sets) {
        Map<String, Series> byKey = new LinkedHashMap<>();
        sets.forEach((set, recordings) -> {
            for (RecordingResult r : recordings) {
                for (SeriesAccuracy s : r.series()) {
                    if (AccuracyTable.judged(s) && s.origins() != null && s.coverage80() != null && s.coverage95() != null) {
                        Series series = byKey.computeIfAbsent(r.name() + "|" + r.jdk() + "|" + s.metric(),
                                key -> new Series(r.name(), r.jdk(), s.metric(), new ArrayList<>(), new ArrayList<>()));
                        series.sets().add(set);
                        series.accuracy().add(s);
                    }
                }
            }
        });
        return byKey.values().stream().filter(s -> s.sets().size() >= 2).toList();
    }

    /** The Markdown table of {@code series}: each set's coverage, the mean, its p-value, and the verdict. */
    static String table(List<Series> series) {
        StringBuilder out = new StringBuilder();
        out.append("| recording | metric | sets | 80% per set | mean | p | 95% per set | mean | p | verdict |\n");
        out.append("|---|---|---|---|---|---|---|---|---|---|\n");
        int far = 0;
        for (Series s : series) {
            Verdicts v = judgeBoth(s.coverage80(), s.coverage95(), s.origins());
            far += v.far() ? 1 : 0;
            out.append(String.format(Locale.ROOT, "| %s (%s) | %s | %s | %s | %s | %s | %s | %s | %s | %s |%n", s.recording(), s.jdk(),
                    s.metric(), String.join(", ", s.sets()), percents(s.coverage80()), percent(v.at80()), p(v.at80()),
                    percents(s.coverage95()), percent(v.at95()), p(v.at95()), v.far() ? "**far**" : ""));
        }
        out.append(String.format(Locale.ROOT, "%n%d of %d series far across the sets.%n", far, series.size()));
        return out.toString();
    }

    private static String percents(double[] values) {
        List<String> out = new ArrayList<>();
        for (double v : values) {
            out.add(String.format(Locale.ROOT, "%.0f", 100 * v));
        }
        return String.join(" / ", out);
    }

    private static String percent(Verdict v) {
        String mean = String.format(Locale.ROOT, "%.1f%%", 100 * v.mean());
        return v.far() ? "**" + mean + "**" : mean;
    }

    private static String p(Verdict v) {
        return v.p() < 0.001 ? "<0.001" : String.format(Locale.ROOT, "%.3f", v.p());
    }

    /** Prints the table for the sets' JSON files given, e.g. docs/forecast-accuracy-set-14.json docs/forecast-accuracy-set-15.json. */
    public static void main(String[] args) throws IOException {
        if (args.length < 2) {
            System.err.println("usage: AcrossSets <set.json> <set.json> [...]: two sets' backtest answers or more");
            System.exit(2);
        }
        Map<String, List<RecordingResult>> sets = new LinkedHashMap<>();
        for (String a : args) {
            String name = Path.of(a).getFileName().toString().replaceFirst("^forecast-accuracy-", "").replaceFirst("\\.json$", "");
            sets.put(name, AccuracyResults.read(Path.of(a)));
        }
        System.out.print(table(collect(sets)));
    }
}
