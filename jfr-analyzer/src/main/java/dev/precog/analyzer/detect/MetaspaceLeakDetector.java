package dev.precog.analyzer.detect;

import dev.precog.analyzer.evidence.CensusDiff;
import dev.precog.analyzer.report.Format;
import dev.precog.model.Finding;
import dev.precog.model.FindingKind;
import dev.precog.model.Severity;
import dev.precog.model.Suggestion;
import dev.precog.model.Suspect;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * METASPACE_LEAK: classes keep being loaded and are not unloaded while metaspace grows (see
 * {@link MetaspaceTrend}), the mark of class loaders that are never collected. A WARNING;
 * CRITICAL when -XX:MaxMetaspaceSize is known and the fitted growth reaches it within the hour
 * (then the JVM throws OutOfMemoryError: Metaspace). Suspects are the class-loader types whose
 * classes grew, from a class-loader census (live) or jdk.ClassLoaderStatistics (offline).
 */
public final class MetaspaceLeakDetector implements Detector {

    static final double CRITICAL_SECONDS_LEFT = 3600;
    /** Fewer analysed points (of either series) than this scale the confidence down. */
    static final int FULL_CONFIDENCE_POINTS = 12;
    static final int SUSPECTS = 5;

    @Override
    public FindingKind kind() {
        return FindingKind.METASPACE_LEAK;
    }

    @Override
    public List<Finding> detect(AnalysisContext context) {
        Optional<MetaspaceTrend> analysed = MetaspaceTrend.of(context.timeline(), context.metaspaceMaxBytes());
        if (analysed.isEmpty() || !analysed.get().isGrowing()) {
            return List.of();
        }
        MetaspaceTrend t = analysed.get();
        SeriesTrend classes = t.classes();
        SeriesTrend metaspace = t.metaspace();
        Long max = t.maxMetaspace();
        Double secondsLeft = t.secondsToMax();
        Severity severity = secondsLeft != null && secondsLeft < CRITICAL_SECONDS_LEFT ? Severity.CRITICAL : Severity.WARNING;
        double p = Math.max(classes.trend().pIncreasing(), metaspace.trend().pIncreasing());
        int points = Math.min(classes.series().size(), metaspace.series().size());
        double coverage = Math.min(1.0, points / (double) FULL_CONFIDENCE_POINTS);
        double confidence = Format.round((1 - p) * coverage, 3);
        CensusDiff census = context.evidence().classLoaders();
        List<Suspect> suspects = ClassLoaderSuspects.rank(census, SUSPECTS);

        Map<String, Object> evidence = new LinkedHashMap<>();
        LeakPattern pattern = classes.pattern();
        evidence.put("patternReason", pattern.reason());
        evidence.put("classGrowthPerMinute", Math.round(classes.fit().slope() * 60));
        evidence.put("classGrowthPerMinuteLow", Math.round(classes.fit().slopeLow() * 60));
        evidence.put("classGrowthPerMinuteHigh", Math.round(classes.fit().slopeHigh() * 60));
        evidence.put("metaspaceGrowthBytesPerMinute", Math.round(metaspace.fit().slope() * 60));
        evidence.put("metaspaceGrowthBytesPerMinuteLow", Math.round(metaspace.fit().slopeLow() * 60));
        evidence.put("metaspaceGrowthBytesPerMinuteHigh", Math.round(metaspace.fit().slopeHigh() * 60));
        evidence.put("since", classes.series().timeAt(0).toString());
        evidence.put("netLoadedClasses", Math.round(classes.series().lastValue()));
        evidence.put("classesUnloaded", t.classesUnloaded());
        evidence.put("metaspaceUsedBytes", Math.round(metaspace.series().lastValue()));
        if (max != null) {
            evidence.put("metaspaceMaxBytes", max);
            evidence.put("fractionOfMaxMetaspace", Format.round(metaspace.series().lastValue() / max, 3));
        }
        evidence.put("windowsAnalysed", classes.series().size());
        evidence.put("metaspaceSamples", metaspace.series().size());
        evidence.put("pValue", p);
        evidence.put("confidenceReason", reason(t, coverage));
        if (census == null) {
            evidence.put("suspectsNote", "no class-loader census yet: live, two are taken once this finding is"
                    + " reported; offline, the recording needs jdk.ClassLoaderStatistics events (settings=default has them)");
        }

        String summary = String.format(Locale.ROOT,
                "Classes pile up in metaspace: %,d more loaded than unloaded per minute (95%%: %,d-%,d), metaspace"
                        + " grows %s/min (95%%: %s-%s/min) since %s; now %,d classes, %s of metaspace%s%s%s",
                Math.round(classes.fit().slope() * 60), Math.round(classes.fit().slopeLow() * 60),
                Math.round(classes.fit().slopeHigh() * 60), Format.bytes(metaspace.fit().slope() * 60),
                Format.bytes(metaspace.fit().slopeLow() * 60), Format.bytes(metaspace.fit().slopeHigh() * 60),
                classes.series().timeAt(0), Math.round(classes.series().lastValue()),
                Format.bytes(metaspace.series().lastValue()),
                max == null ? "" : " = " + Format.percent(metaspace.series().lastValue() / max) + " of MaxMetaspaceSize "
                        + Format.bytes(max),
                secondsLeft == null ? "" : "; full in about " + Format.duration(secondsLeft),
                suspects.isEmpty() ? "" : "; most new classes in loaders of type " + suspects.get(0).className());
        return List.of(new Finding("metaspace", kind(), severity, confidence, context.now(), pattern.name(), summary, evidence,
                suspects, suggestions(context, max)));
    }

    private static String reason(MetaspaceTrend t, double coverage) {
        return String.format(Locale.ROOT,
                "Mann-Kendall p%s on the net loaded class count over %d windows (%s) and p%s on metaspace over %d"
                        + " samples%s; %,d classes unloaded meanwhile, so the loaders holding the rest stay reachable",
                pValueText(t.classes().trend().pIncreasing()), t.classes().series().size(),
                Format.duration(t.classes().series().spanSeconds()), pValueText(t.metaspace().trend().pIncreasing()),
                t.metaspace().series().size(), coverage < 1 ? ", short history lowers confidence" : "",
                t.classesUnloaded());
    }

    /** p-values below double precision print as a bound, not as "0.0". */
    private static String pValueText(double p) {
        return p < 1e-15 ? "<1e-15" : String.format(Locale.ROOT, "=%.2g", p);
    }

    private static List<Suggestion> suggestions(AnalysisContext context, Long max) {
        String pid = context.pidOrPlaceholder();
        List<Suggestion> out = new ArrayList<>();
        out.add(new Suggestion(
                "List the class loaders with their class counts, twice a few minutes apart",
                "jcmd " + pid + " VM.classloader_stats",
                "Many instances of one loader type, each holding a few classes, and their number growing, is the leak"));
        out.add(new Suggestion(
                "See what metaspace holds per class loader",
                "jcmd " + pid + " VM.metaspace show-loaders",
                "Shows how much metaspace each loader (and its classes) uses, and how much is merely committed"));
        out.add(new Suggestion(
                "Close class loaders you create per request or per deployment, and cache generated classes",
                null,
                "A loader is freed only when nothing references it, its classes or their instances: call"
                        + " URLClassLoader.close(), drop them from static caches and ThreadLocals, and reuse generated"
                        + " proxies and compiled templates instead of defining new ones for every use"));
        out.add(new Suggestion(
                "Take a heap dump and follow the paths from GC roots to one of the leaked loaders",
                HeapDumpCommands.jcmdHeapDump(context),
                "In Eclipse MAT, the class loader explorer and \"Path to GC roots\" on a loader show what keeps it alive"));
        if (max == null) {
            out.add(new Suggestion(
                    "Cap metaspace so a class-loader leak fails fast instead of taking the machine's memory",
                    "-XX:MaxMetaspaceSize=<size, e.g. twice the metaspace a healthy run uses>",
                    "Without a cap metaspace grows until native memory runs out; with one the JVM throws"
                            + " OutOfMemoryError: Metaspace and Precog can tell how soon it is reached"));
        }
        return out;
    }
}
