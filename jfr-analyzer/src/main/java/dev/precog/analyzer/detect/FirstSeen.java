package dev.precog.analyzer.detect;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * When each problem was first seen, kept while it persists: a key seen again before it has been
 * missed {@code forgetAfter} evaluations in a row and for {@code forgetAfterTime} keeps its first
 * time; one missed that long is forgotten and starts afresh if it returns. Both, because evaluations
 * come once per window: with 1-second windows six evaluations are six seconds, shorter than a
 * finding's usual flicker, and with 10-minute windows one minute is less than one evaluation. Not
 * thread-safe; its owners synchronise.
 */
public final class FirstSeen {

    private final int forgetAfter;
    private final Duration forgetAfterTime;
    private final Map<String, Entry> entries = new HashMap<>();

    public FirstSeen(int forgetAfter, Duration forgetAfterTime) {
        this.forgetAfter = forgetAfter;
        this.forgetAfterTime = forgetAfterTime;
    }

    /** Marks {@code key} seen in this evaluation, at {@code now}; returns when it was first seen. */
    public Instant seen(String key, Instant now) {
        Entry e = entries.computeIfAbsent(key, k -> new Entry(now));
        e.missed = -1;
        e.last = now;
        return e.first;
    }

    /** Whether {@code key} is still remembered: seen, and not forgotten since. */
    public boolean remembers(String key) {
        return entries.containsKey(key);
    }

    /**
     * Ends the evaluation made at {@code now}: keys not seen in it age by one, and are forgotten once
     * missed {@code forgetAfter} times and last seen at least {@code forgetAfterTime} ago.
     */
    public void endEvaluation(Instant now) {
        // a wall clock set back counts as time enough: the count of evaluations alone then decides
        entries.values().removeIf(e -> ++e.missed >= forgetAfter
                && (!now.isBefore(e.last.plus(forgetAfterTime)) || now.isBefore(e.last)));
    }

    private static final class Entry {
        final Instant first;
        Instant last;
        int missed = -1;

        Entry(Instant first) {
            this.first = first;
            this.last = first;
        }
    }
}
