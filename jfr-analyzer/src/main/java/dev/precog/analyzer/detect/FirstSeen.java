package dev.precog.analyzer.detect;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * When each problem was first seen, kept while it persists: a key seen again within
 * {@code forgetAfter} evaluations keeps its first time, one missed that many in a row is forgotten
 * and starts afresh if it returns. Not thread-safe; its owners synchronise.
 */
public final class FirstSeen {

    private final int forgetAfter;
    private final Map<String, Entry> entries = new HashMap<>();

    public FirstSeen(int forgetAfter) {
        this.forgetAfter = forgetAfter;
    }

    /** Marks {@code key} seen in this evaluation; returns when it was first seen. */
    public Instant seen(String key, Instant now) {
        Entry e = entries.computeIfAbsent(key, k -> new Entry(now));
        e.missed = -1;
        return e.first;
    }

    /** Ends an evaluation: keys not seen in it age by one, and are forgotten after {@code forgetAfter}. */
    public void endEvaluation() {
        entries.values().removeIf(e -> ++e.missed >= forgetAfter);
    }

    private static final class Entry {
        final Instant first;
        int missed = -1;

        Entry(Instant first) {
            this.first = first;
        }
    }
}
