package dev.precog.analyzer.detect;

import dev.precog.model.Finding;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Gives findings an identity that survives from one evaluation to the next: the same id and
 * the same {@code firstDetectedAt} while the same problem persists. A problem not seen for
 * {@code forgetAfter} evaluations in a row is forgotten and gets a new identity if it returns.
 */
public final class FindingTracker {

    private final int forgetAfter;
    private final Map<String, Tracked> tracked = new HashMap<>();

    public FindingTracker(int forgetAfter) {
        this.forgetAfter = forgetAfter;
    }

    /** Rewrites ids and first-detection times of {@code findings} seen at {@code now}. */
    public synchronized List<Finding> track(List<Finding> findings, Instant now) {
        List<Finding> out = new ArrayList<>(findings.size());
        for (Finding f : findings) {
            String key = f.kind() + ":" + f.id();
            Tracked t = tracked.computeIfAbsent(key, k -> new Tracked(now));
            t.missed = -1;
            out.add(f.withIdentity(stableId(f.kind().name(), f.id()), t.firstSeen));
        }
        for (Iterator<Tracked> it = tracked.values().iterator(); it.hasNext(); ) {
            Tracked t = it.next();
            if (++t.missed >= forgetAfter) {
                it.remove();
            }
        }
        return out;
    }

    private static String stableId(String kind, String key) {
        return kind.toLowerCase(java.util.Locale.ROOT).replace('_', '-') + ":" + key;
    }

    private static final class Tracked {
        final Instant firstSeen;
        int missed = -1;

        Tracked(Instant firstSeen) {
            this.firstSeen = firstSeen;
        }
    }
}
