package dev.precog.analyzer.detect;

import dev.precog.analyzer.evidence.HeapEvidence;
import dev.precog.analyzer.evidence.HistogramDiff;
import dev.precog.analyzer.report.Format;
import dev.precog.model.Suspect;
import dev.precog.model.Window;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Names a leak's classes from the best evidence at hand: a class-histogram diff (live), the
 * classes of old objects JFR found still alive (offline), or else allocation samples. The
 * application's own accumulating types come first, since they are what a developer fixes; the
 * JDK types they hold (byte[], String, HashMap$Node) follow as detail.
 */
final class LeakSuspects {

    static final String HISTOGRAM_BASIS = "class-histogram-diff";
    static final String OLD_OBJECT_BASIS = "old-object-samples";
    /** An application class counts as accumulating with at least this many new instances... */
    private static final long MIN_APPLICATION_INSTANCES = 100;
    /** ...and at least this share of the largest instance growth of any class. */
    private static final double MIN_APPLICATION_INSTANCE_SHARE = 0.01;

    private LeakSuspects() {}

    static List<Suspect> rank(HeapEvidence evidence, List<Window> windows, double fromEpochSeconds, int limit) {
        if (evidence.diff() != null && !evidence.diff().growth().isEmpty()) {
            return fromDiff(evidence.diff(), AllocationSuspects.heaviestSites(windows, fromEpochSeconds), limit);
        }
        if (!evidence.oldObjects().isEmpty()) {
            return fromOldObjects(evidence.oldObjects(), limit);
        }
        return AllocationSuspects.rank(windows, fromEpochSeconds, limit);
    }

    private static List<Suspect> fromDiff(HistogramDiff diff, Map<String, String> sites, int limit) {
        long maxInstances = diff.growth().stream().mapToLong(HistogramDiff.ClassGrowth::instancesAdded).max().orElse(0);
        long totalBytes = Math.max(1, diff.totalBytesAdded());
        List<HistogramDiff.ClassGrowth> application = new ArrayList<>();
        List<HistogramDiff.ClassGrowth> platform = new ArrayList<>();
        for (HistogramDiff.ClassGrowth g : diff.growth()) {
            String name = JavaTypes.readable(g.className());
            if (JavaTypes.neverASuspect(name)) {
                continue;
            }
            boolean accumulating = g.instancesAdded() >= MIN_APPLICATION_INSTANCES
                    && g.instancesAdded() >= MIN_APPLICATION_INSTANCE_SHARE * maxInstances;
            (!JavaTypes.isPlatform(name) && accumulating ? application : platform).add(g);
        }
        application.sort(Comparator.comparingLong(HistogramDiff.ClassGrowth::instancesAdded).reversed());
        List<Suspect> out = new ArrayList<>();
        String span = Format.duration(diff.span().toSeconds());
        for (HistogramDiff.ClassGrowth g : application) {
            out.add(suspect(g, totalBytes, span, "application type accumulating instances", sites));
        }
        for (HistogramDiff.ClassGrowth g : platform) {
            String name = JavaTypes.readable(g.className());
            out.add(suspect(g, totalBytes, span, JavaTypes.isPlatform(name)
                    ? "JDK type; held by the application types above"
                    : "application type, growing slowly", sites));
        }
        return out.subList(0, Math.min(limit, out.size()));
    }

    private static Suspect suspect(HistogramDiff.ClassGrowth g, long totalBytes, String span, String role,
            Map<String, String> sites) {
        String name = JavaTypes.readable(g.className());
        // where the class is allocated comes from the cheap allocation samples, when they caught it
        String site = sites.get(name);
        String detail = String.format(Locale.ROOT, "+%,d instances (+%s) in %s, now %,d instances (%s); %s%s",
                g.instancesAdded(), Format.bytes(g.bytesAdded()), span, g.instancesNow(), Format.bytes(g.bytesNow()), role,
                site == null ? "" : "; allocated mostly at " + site);
        return new Suspect(name, HISTOGRAM_BASIS, Format.round((double) g.bytesAdded() / totalBytes, 4),
                site == null ? List.of() : List.of(site), detail, g.instancesAdded(), g.bytesAdded());
    }

    private static List<Suspect> fromOldObjects(List<HeapEvidence.OldObjectClass> classes, int limit) {
        long total = Math.max(1, classes.stream().mapToLong(HeapEvidence.OldObjectClass::samples).sum());
        long most = classes.stream().mapToLong(HeapEvidence.OldObjectClass::samples).max().orElse(0);
        // as with histograms: an application class goes first only with a visible share of the samples
        Comparator<HeapEvidence.OldObjectClass> applicationFirst = Comparator.comparing(
                c -> JavaTypes.isPlatform(JavaTypes.readable(c.className()))
                        || c.samples() < Math.max(2, MIN_APPLICATION_INSTANCE_SHARE * most));
        return classes.stream()
                .filter(c -> !JavaTypes.neverASuspect(c.className()))
                .sorted(applicationFirst.thenComparing(HeapEvidence.OldObjectClass::samples, Comparator.reverseOrder()))
                .limit(limit)
                .map(c -> new Suspect(JavaTypes.readable(c.className()), OLD_OBJECT_BASIS,
                        Format.round((double) c.samples() / total, 4), c.stackTop(),
                        c.samples() + " sampled objects still alive at the end of the recording"
                                + (c.allocatedBy() == null ? "" : ", allocated by " + c.allocatedBy())))
                .toList();
    }
}
