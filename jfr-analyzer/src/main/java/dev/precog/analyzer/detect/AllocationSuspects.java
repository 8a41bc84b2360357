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
        long total = 0;
        for (Window w : windows) {
            if (w.end().toEpochMilli() / 1000.0 < fromEpochSeconds) {
                continue;
            }
            for (ClassWeight cw : w.topAllocations()) {
                if (JavaTypes.isHidden(cw.className())) {
                    continue;
                }
                bytes.merge(JavaTypes.readable(cw.className()), cw.bytes(), Long::sum);
                total += cw.bytes();
            }
        }
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
                .map(e -> new Suspect(e.getKey(), BASIS, Format.round((double) e.getValue() / all, 4), List.of(),
                        JavaTypes.isPlatform(e.getKey())
                                ? "JDK type; look at what holds it"
                                : "application type among the top allocations"))
                .toList();
    }
}
