package dev.precog.analyzer.detect;

import dev.precog.model.Finding;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Gives findings an identity that survives from one evaluation to the next: the same id and
 * the same {@code firstDetectedAt} while the same problem persists. A problem not seen for
 * {@code forgetAfter} evaluations in a row is forgotten and gets a new identity if it returns.
 */
public final class FindingTracker {

    private final FirstSeen firstSeen;

    public FindingTracker(int forgetAfter) {
        this.firstSeen = new FirstSeen(forgetAfter);
    }

    /** Rewrites ids and first-detection times of {@code findings} seen at {@code now}. */
    public synchronized List<Finding> track(List<Finding> findings, Instant now) {
        List<Finding> out = new ArrayList<>(findings.size());
        for (Finding f : findings) {
            Instant first = firstSeen.seen(f.kind() + ":" + f.id(), now);
            out.add(f.withIdentity(stableId(f.kind().name(), f.id()), first));
        }
        firstSeen.endEvaluation();
        return out;
    }

    private static String stableId(String kind, String key) {
        return kind.toLowerCase(java.util.Locale.ROOT).replace('_', '-') + ":" + key;
    }
}
