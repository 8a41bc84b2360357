package dev.precog.analyzer.evidence;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * What grew between two censuses, largest growth first.
 *
 * @param basis where the counts come from, for a suspect's {@code basis}; null for two censuses
 *     of live objects, which callers name themselves
 */
public record CensusDiff(Instant from, Instant to, List<Growth> growth, String basis) {

    /** One name whose count grew, by how much, and its count at the end. */
    public record Growth(String name, long added, long now) {}

    public CensusDiff {
        growth = List.copyOf(growth);
    }

    /** Between two censuses of live objects. */
    public CensusDiff(Instant from, Instant to, List<Growth> growth) {
        this(from, to, growth, null);
    }

    /** The same counts, from another source than two live censuses. */
    public CensusDiff withBasis(String source) {
        return new CensusDiff(from, to, growth, source);
    }

    public static CensusDiff between(Census first, Census second) {
        List<Growth> growth = new ArrayList<>();
        for (Map.Entry<String, Long> e : second.counts().entrySet()) {
            long added = e.getValue() - first.counts().getOrDefault(e.getKey(), 0L);
            if (added > 0) {
                growth.add(new Growth(e.getKey(), added, e.getValue()));
            }
        }
        growth.sort(Comparator.comparingLong(Growth::added).reversed());
        return new CensusDiff(first.at(), second.at(), growth);
    }

    public Duration span() {
        return Duration.between(from, to);
    }
}
