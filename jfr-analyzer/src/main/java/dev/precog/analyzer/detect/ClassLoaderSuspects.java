package dev.precog.analyzer.detect;

import dev.precog.analyzer.evidence.CensusDiff;
import dev.precog.analyzer.evidence.LoaderCensus;
import dev.precog.analyzer.report.Format;
import dev.precog.model.Suspect;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Names the class-loader types whose classes grew between two class-loader censuses (see
 * {@link LoaderCensus}). The application's own loader types come first when they grew
 * noticeably, since a leak of them is what a developer fixes; JDK loaders (the app class loader,
 * reflection's DelegatingClassLoader) follow by growth, and Precog's own loader comes last.
 */
final class ClassLoaderSuspects {

    static final String BASIS = "class-loader-census";
    /** An application loader type goes first with at least this many new classes... */
    private static final long MIN_APPLICATION_CLASSES = 20;
    /** ...and at least this share of the largest growth of any loader type. */
    private static final double MIN_APPLICATION_SHARE = 0.05;
    /** Precog's own loaders (the agent's isolated loader), never the application's. */
    private static final String OWN_LOADERS = "dev.precog.agent.";

    private ClassLoaderSuspects() {}

    /** The suspects, most likely first; empty when no census diff is at hand or nothing grew. */
    static List<Suspect> rank(CensusDiff diff, int limit) {
        if (diff == null) {
            return List.of();
        }
        Map<String, CensusDiff.Growth> loaders = new HashMap<>();
        List<CensusDiff.Growth> classes = new ArrayList<>();
        for (CensusDiff.Growth g : diff.growth()) {
            if (LoaderCensus.isLoadersKey(g.name())) {
                loaders.put(g.name(), g);
            } else {
                classes.add(g);
            }
        }
        long most = classes.stream().mapToLong(CensusDiff.Growth::added).max().orElse(0);
        long total = Math.max(1, classes.stream().mapToLong(CensusDiff.Growth::added).sum());
        Comparator<CensusDiff.Growth> order = Comparator
                .comparingInt((CensusDiff.Growth g) -> rankGroup(g, most))
                .thenComparing(CensusDiff.Growth::added, Comparator.reverseOrder());
        String span = Format.duration(diff.span().toSeconds());
        return classes.stream()
                .sorted(order)
                .limit(limit)
                .map(g -> suspect(g, loaders.get(LoaderCensus.loadersKey(g.name())), total, span, most))
                .toList();
    }

    /** 0: the application's own loader that grew noticeably; 1: every other; 2: Precog's own. */
    private static int rankGroup(CensusDiff.Growth g, long most) {
        if (g.name().startsWith(OWN_LOADERS)) {
            return 2;
        }
        return isApplication(g, most) ? 0 : 1;
    }

    private static boolean isApplication(CensusDiff.Growth g, long most) {
        return !JavaTypes.isPlatform(g.name()) && !g.name().startsWith(OWN_LOADERS)
                && g.added() >= MIN_APPLICATION_CLASSES && g.added() >= MIN_APPLICATION_SHARE * most;
    }

    private static Suspect suspect(CensusDiff.Growth g, CensusDiff.Growth loaders, long total, String span, long most) {
        String where = loaders == null
                ? String.format(Locale.ROOT, "now %,d classes", g.now())
                : String.format(Locale.ROOT, "across %,d new loaders of this type (now %,d loaders, %,d classes)",
                        loaders.added(), loaders.now(), g.now());
        String role = g.name().startsWith(OWN_LOADERS) ? "Precog's own class loader"
                : isApplication(g, most) ? "the application's class loader type that grew most"
                : JavaTypes.isPlatform(g.name()) ? "JDK class loader; look at who makes it define classes"
                : "application class loader, growing slowly";
        String detail = String.format(Locale.ROOT, "+%,d classes in %s %s; %s", g.added(), span, where, role);
        // growthInstances counts new loader instances of this type: the objects to trace to a GC root
        return new Suspect(g.name(), BASIS, Format.round((double) g.added() / total, 4), List.of(), detail,
                loaders == null ? null : loaders.added(), null);
    }
}
