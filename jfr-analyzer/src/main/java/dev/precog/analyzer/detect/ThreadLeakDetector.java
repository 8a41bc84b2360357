package dev.precog.analyzer.detect;

import dev.precog.analyzer.evidence.CensusDiff;
import dev.precog.analyzer.report.Format;
import dev.precog.analyzer.timeline.Series;
import dev.precog.model.Finding;
import dev.precog.model.FindingKind;
import dev.precog.model.Metric;
import dev.precog.model.Severity;
import dev.precog.model.Suggestion;
import dev.precog.model.Suspect;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * THREAD_LEAK when the number of live Java threads (jdk.JavaThreadStatistics, the highest count
 * per window) keeps rising by an amount that matters, judged by {@link SeriesTrend}: a pool that
 * grows to its maximum and stays there is a plateau, not a leak. The suspects are the thread-name
 * patterns that grew most between two censuses of live threads (live) or by net thread starts
 * (offline); without a census yet the finding has none.
 */
public final class ThreadLeakDetector implements Detector {

    /** Share of the history treated as warm-up: an application starts most of its pools then. */
    static final double WARMUP_FRACTION = 0.1;
    /** Longer histories are reduced to this many points by their floor (the threads that stay). */
    static final int MAX_POINTS = 240;
    /** A handful of threads more is a pool warming up or a JMX client connecting, not a leak. */
    static final double MIN_GROWTH_THREADS = 10;
    /** ...and the growth must be visible against what the JVM started with. */
    static final double MIN_GROWTH_OF_START = 0.20;
    /** Growth this large matters whatever the starting count (a big server leaking slowly). */
    static final double ALWAYS_MATTERS_THREADS = 100;
    /** Past this many threads stacks, scheduling and per-thread buffers cost real memory and CPU. */
    static final double CRITICAL_THREADS = 1000;
    /** Reaching this many threads within {@link #CRITICAL_WITHIN_SECONDS} is critical too. */
    static final double CRITICAL_TARGET_THREADS = 2000;
    static final double CRITICAL_WITHIN_SECONDS = 3600;
    /** Fewer analysed points than this scale the confidence down. */
    static final int FULL_CONFIDENCE_POINTS = 12;
    static final int MAX_SUSPECTS = 5;
    /**
     * Besides the pattern that grew most, only patterns that gained at least two threads and 5% of
     * its growth are named: offline every pool started during the recording shows as "+1", "+4".
     */
    static final long MIN_SUSPECT_THREADS = 2;
    static final double MIN_SUSPECT_SHARE_OF_TOP = 0.05;
    static final String CENSUS_BASIS = "thread-census";

    @Override
    public FindingKind kind() {
        return FindingKind.THREAD_LEAK;
    }

    @Override
    public List<Finding> detect(AnalysisContext context) {
        SeriesTrend t = leakingTrend(context.timeline().series(Metric.THREADS_ACTIVE));
        if (t == null) {
            return List.of();
        }
        Series s = t.series();
        double slope = t.fit().slope();
        // the series may be reduced to its floor over long histories; "now" is the latest window's count
        double now = context.timeline().latest(Metric.THREADS_ACTIVE).orElse(s.lastValue());
        Double toTarget = now >= CRITICAL_TARGET_THREADS ? null : t.secondsTo(CRITICAL_TARGET_THREADS);
        Severity severity = now > CRITICAL_THREADS || (toTarget != null && toTarget < CRITICAL_WITHIN_SECONDS)
                ? Severity.CRITICAL
                : Severity.WARNING;
        double p = t.trend().pIncreasing();
        double coverage = Math.min(1.0, s.size() / (double) FULL_CONFIDENCE_POINTS);
        double confidence = Format.round((1 - p) * coverage, 3);
        String why = String.format(Locale.ROOT, "Mann-Kendall p%s over %d windows (%s)%s; no plateau in the last third",
                pValueText(p), s.size(), Format.duration(s.spanSeconds()),
                coverage < 1 ? ", short history lowers confidence" : "");

        Map<String, Object> evidence = new LinkedHashMap<>();
        evidence.put("threadsNow", Math.round(now));
        evidence.put("growthPerMinute", Format.round(slope * 60, 2));
        LeakPattern pattern = t.pattern();
        evidence.put("patternReason", pattern.reason());
        evidence.put("growthPerMinuteLow", Format.round(t.fit().slopeLow() * 60, 2));
        evidence.put("growthPerMinuteHigh", Format.round(t.fit().slopeHigh() * 60, 2));
        evidence.put("since", s.timeAt(0).toString());
        evidence.put("threadsAtStart", Math.round(s.values()[0]));
        evidence.put("windowsAnalysed", s.size());
        evidence.put("mannKendallZ", Format.round(t.trend().z(), 2));
        evidence.put("pValue", p);
        evidence.put("confidenceReason", why);
        CensusDiff census = context.evidence().threads();
        if (census != null) {
            evidence.put("censusSpanSeconds", census.span().toSeconds());
        }

        List<Suspect> suspects = suspects(census);
        String summary = String.format(Locale.ROOT, "Live threads grow %s/min (95%%: %s-%s/min) since %s; now %d%s%s",
                Format.round(slope * 60, 1), Format.round(t.fit().slopeLow() * 60, 1),
                Format.round(t.fit().slopeHigh() * 60, 1), s.timeAt(0), Math.round(now),
                toTarget == null ? "" : ", " + Math.round(CRITICAL_TARGET_THREADS) + " in about " + Format.duration(toTarget),
                suspects.isEmpty() ? "" : "; most new threads are named " + suspects.get(0).className());
        return List.of(new Finding("threads", kind(), severity, confidence, context.now(), pattern.name(), summary, evidence,
                suspects, suggestions(context, suspects)));
    }

    /**
     * The trend of the thread count when it leaks, else null. The whole history is tried first,
     * then its recent half, so a leak that started late is not drowned by hours of a steady
     * pool; the recent half only counts when it climbs above every count seen before it.
     */
    static SeriesTrend leakingTrend(Series all) {
        if (all.size() < SeriesTrend.MIN_POINTS + 1) {
            return null;
        }
        int warmup = Math.max(1, (int) Math.ceil(all.size() * WARMUP_FRACTION));
        Series s = all.from(warmup).downsampleByMin(MAX_POINTS);
        if (s.size() < SeriesTrend.MIN_POINTS || s.spanSeconds() <= 0) {
            return null;
        }
        SeriesTrend whole = SeriesTrend.of(s);
        if (leaks(whole)) {
            return whole;
        }
        if (s.size() < 2 * SeriesTrend.MIN_POINTS) {
            return null;
        }
        int half = s.size() / 2;
        double earlierPeak = 0;
        for (int i = 0; i < half; i++) {
            earlierPeak = Math.max(earlierPeak, s.values()[i]);
        }
        SeriesTrend recent = SeriesTrend.of(s.from(half));
        return leaks(recent) && recent.currentLevel() >= earlierPeak + MIN_GROWTH_THREADS ? recent : null;
    }

    private static boolean leaks(SeriesTrend t) {
        double growth = t.growth();
        double start = Math.max(1, t.fit().valueAt(0));
        boolean matters = growth >= MIN_GROWTH_THREADS
                && (growth >= MIN_GROWTH_OF_START * start || growth >= ALWAYS_MATTERS_THREADS);
        return matters && t.isRising();
    }

    /** The name patterns that gained threads, most first; empty without a census. */
    private static List<Suspect> suspects(CensusDiff census) {
        if (census == null || census.growth().isEmpty()) {
            return List.of();
        }
        long total = census.growth().stream().mapToLong(CensusDiff.Growth::added).sum();
        long top = census.growth().get(0).added();
        long least = Math.max(MIN_SUSPECT_THREADS, (long) Math.ceil(MIN_SUSPECT_SHARE_OF_TOP * top));
        String span = Format.duration(census.span().toSeconds());
        return census.growth().stream()
                .filter(g -> g.added() == top || g.added() >= least)
                .limit(MAX_SUSPECTS)
                .map(g -> new Suspect(g.name(), census.basis() == null ? CENSUS_BASIS : census.basis(),
                        Format.round((double) g.added() / total, 4), List.of(), census.basis() == null
                                ? String.format(Locale.ROOT, "+%d threads in %s; %d alive", g.added(), span, g.now())
                                : String.format(Locale.ROOT, "+%d threads started and not ended in %s", g.added(), span),
                        g.added(), null))
                .toList();
    }

    private static List<Suggestion> suggestions(AnalysisContext context, List<Suspect> suspects) {
        String pid = context.pidOrPlaceholder();
        String which = suspects.isEmpty() ? "the threads whose names repeat most" : "the " + suspects.get(0).className() + " threads";
        List<Suggestion> out = new ArrayList<>();
        out.add(new Suggestion(
                "Take a thread dump and look at " + which,
                "jcmd " + pid + " Thread.print",
                "Their stacks show what they wait for; an idle executor worker parks in ThreadPoolExecutor.getTask"));
        Path recording = (context.dumpDirectory() == null ? Path.of(".") : context.dumpDirectory())
                .toAbsolutePath().normalize().resolve("precog-threads-" + pid + ".jfr");
        out.add(new Suggestion(
                "Record for two minutes which code starts threads",
                "jcmd " + pid + " JFR.start name=precog-threads settings=default duration=2m filename=" + recording,
                "jdk.ThreadStart keeps the starting stack; then 'jfr print --events jdk.ThreadStart --stack-depth 20 "
                        + recording + "' shows the code that creates a thread or an executor per call"));
        out.add(new Suggestion(
                "Shut down the executors you create per request or per task, or use one shared pool",
                null,
                "An ExecutorService that is never shut down keeps its idle workers alive forever; each holds a stack"
                        + " and its thread-locals, and the JVM eventually fails with 'unable to create native thread'"));
        if (suspects.stream().anyMatch(s -> s.className().startsWith("pool-N-thread") || s.className().startsWith("Thread-N"))) {
            out.add(new Suggestion(
                    "Give each pool a ThreadFactory that names its threads",
                    null,
                    "Default names (pool-N-thread-N, Thread-N) do not say which code owns the leaking threads"));
        }
        return out;
    }

    /** p-values below double precision print as a bound, not as "0.0". */
    private static String pValueText(double p) {
        return p < 1e-15 ? "<1e-15" : String.format(Locale.ROOT, "=%.2g", p);
    }
}
