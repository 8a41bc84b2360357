package dev.precog.analyzer.detect;

import dev.precog.analyzer.report.Format;
import dev.precog.model.ClassWeight;
import dev.precog.model.Suspect;
import dev.precog.model.Window;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Suspects from JFR allocation samples over a stretch of windows: the classes allocated most,
 * the application's own classes ahead of the JDK's. This says what is allocated, not what is
 * retained; the basis field says so.
 */
final class AllocationSuspects {

    static final String BASIS = "allocation-samples";
    private static final double MIN_APPLICATION_SHARE = 0.01;

    private AllocationSuspects() {}

    static List<Suspect> rank(List<Window> windows, double fromEpochSeconds, int limit) {
        Map<String, Long> bytes = new HashMap<>();
        Map<String, Map<String, Long>> sites = new HashMap<>();
        long total = tally(windows, fromEpochSeconds, bytes, sites);
        if (total == 0) {
            return List.of();
        }
        long all = total;
        // The application's own types come first when they carry a visible share: they are what
        // a developer can change; JDK types (byte[], String, HashMap$Node) follow as detail.
        Comparator<Map.Entry<String, Long>> applicationFirst = Comparator.comparing(
                e -> JavaTypes.isPlatform(e.getKey()) || (double) e.getValue() / all < MIN_APPLICATION_SHARE);
        return bytes.entrySet().stream()
                .sorted(applicationFirst.thenComparing(Map.Entry::getValue, Comparator.reverseOrder()))
                .limit(limit)
                .map(e -> suspect(e.getKey(), (double) e.getValue() / all, heaviest(sites.get(e.getKey()))))
                .toList();
    }

    /**
     * Each class's heaviest allocation site ({@code Class.method:line}) in the samples from
     * {@code fromEpochSeconds} on, for classes whose samples carried one.
     */
    static Map<String, String> heaviestSites(List<Window> windows, double fromEpochSeconds) {
        Map<String, Map<String, Long>> sites = new HashMap<>();
        tally(windows, fromEpochSeconds, new HashMap<>(), sites);
        Map<String, String> out = new HashMap<>();
        sites.forEach((className, bySite) -> out.put(className, heaviest(bySite)));
        return out;
    }

    /** Adds up sampled bytes per readable class name and per site; returns all bytes counted. */
    private static long tally(List<Window> windows, double fromEpochSeconds, Map<String, Long> bytes,
            Map<String, Map<String, Long>> sites) {
        long total = 0;
        for (Window w : windows) {
            if (w.end().toEpochMilli() / 1000.0 < fromEpochSeconds) {
                continue;
            }
            for (ClassWeight cw : w.topAllocations()) {
                if (JavaTypes.neverASuspect(cw.className())) {
                    continue;
                }
                String name = JavaTypes.readable(cw.className());
                bytes.merge(name, cw.bytes(), Long::sum);
                if (cw.site() != null) {
                    sites.computeIfAbsent(name, k -> new HashMap<>()).merge(cw.site(), cw.bytes(), Long::sum);
                }
                total += cw.bytes();
            }
        }
        return total;
    }

    private static Suspect suspect(String className, double share, String site) {
        String kind = JavaTypes.role(className);
        String detail = String.format(java.util.Locale.ROOT, "%s, %s of sampled allocation%s", kind, Format.percent(share),
                site == null ? "" : ", mostly at " + site);
        return new Suspect(className, BASIS, Format.round(share, 4), site == null ? List.of() : List.of(site), detail);
    }

    private static String heaviest(Map<String, Long> sites) {
        return sites == null ? null
                : sites.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse(null);
    }
}
