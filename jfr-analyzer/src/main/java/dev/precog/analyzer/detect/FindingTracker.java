package dev.precog.analyzer.detect;

import dev.precog.model.Finding;
import dev.precog.model.Severity;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Keeps findings steady from one evaluation to the next, so that an alert keyed on one does not
 * flap: the same id and {@code firstDetectedAt} while the same problem persists, and a WARNING or
 * CRITICAL finding the detectors miss for a while is still reported, as last found (its
 * {@code lastDetectedAt} then earlier than the evaluation), until it is forgotten (see
 * {@link FirstSeen}). A young leak's test sits near its significance level, and one full
 * collection, often Precog's own class histogram, tipped it out for up to 36 s in real runs. A
 * problem that returns after being forgotten is new.
 *
 * <p>An INFO finding is tentative (a leak no old collection has confirmed yet) and is reported only
 * while found: held, a healthy cache's promoted garbage, seen once, stayed a leak for two minutes.
 * It keeps its identity through the same absence all the same.
 */
public final class FindingTracker {

    /** The least severity a missed finding is still reported at. */
    static final Severity HELD_FROM = Severity.WARNING;

    private final FirstSeen firstSeen;
    /** The last finding of each problem still remembered, to report while it is missed. */
    private final Map<String, Finding> lastFound = new HashMap<>();

    /** A problem missed {@code forgetAfter} evaluations in a row, for {@code forgetAfterTime} or more, is forgotten. */
    public FindingTracker(int forgetAfter, Duration forgetAfterTime) {
        this.firstSeen = new FirstSeen(forgetAfter, forgetAfterTime);
    }

    /**
     * Rewrites ids and first-detection times of {@code findings} found at {@code now}, and adds the
     * problems found earlier, missed now but not yet forgotten.
     */
    public synchronized List<Finding> track(List<Finding> findings, Instant now) {
        List<Finding> out = new ArrayList<>(findings.size());
        Set<String> found = new HashSet<>();
        for (Finding f : findings) {
            String key = f.kind() + ":" + f.id();
            Finding tracked = f.withIdentity(stableId(f.kind().name(), f.id()), firstSeen.seen(key, now));
            found.add(key);
            lastFound.put(key, tracked);
            out.add(tracked);
        }
        firstSeen.endEvaluation(now);
        lastFound.entrySet().removeIf(e -> !firstSeen.remembers(e.getKey()));
        lastFound.forEach((key, f) -> {
            if (!found.contains(key) && f.severity().atLeast(HELD_FROM)) {
                out.add(f);
            }
        });
        return out;
    }

    private static String stableId(String kind, String key) {
        return kind.toLowerCase(java.util.Locale.ROOT).replace('_', '-') + ":" + key;
    }
}
