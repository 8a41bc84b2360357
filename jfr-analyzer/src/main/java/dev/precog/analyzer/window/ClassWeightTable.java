package dev.precog.analyzer.window;

import dev.precog.model.ClassWeight;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Allocation weight per class for one window, with the heaviest allocation sites of each,
 * bounded: once {@code capacity} classes are known, samples of new classes are counted as
 * dropped instead of growing the table, and each class keeps at most eight sites, the heavy
 * ones found by the space-saving algorithm.
 */
final class ClassWeightTable {

    private static final int SITES_PER_CLASS = 8;

    private final int capacity;
    private final Map<String, Weight> weights = new HashMap<>();
    private long dropped;

    ClassWeightTable(int capacity) {
        this.capacity = capacity;
    }

    void add(String className, long bytes, String site) {
        Weight w = weights.get(className);
        if (w == null) {
            if (weights.size() >= capacity) {
                dropped++;
                return;
            }
            w = new Weight();
            weights.put(className, w);
        }
        w.bytes += bytes;
        w.samples++;
        if (site != null) {
            w.addSite(site, bytes);
        }
    }

    long dropped() {
        return dropped;
    }

    List<ClassWeight> top(int n) {
        return weights.entrySet().stream()
                .map(e -> new ClassWeight(e.getKey(), e.getValue().bytes, e.getValue().samples, e.getValue().heaviestSite()))
                .sorted(Comparator.comparingLong(ClassWeight::bytes).reversed())
                .limit(n)
                .toList();
    }

    private static final class Weight {
        long bytes;
        long samples;
        final Map<String, long[]> sites = new HashMap<>();

        /**
         * Space-saving: a new site when the slots are full takes over the lightest slot and its
         * weight, so a site that carries much of the class's bytes is never lost (it may be
         * overcounted by at most the evicted weight).
         */
        void addSite(String site, long bytes) {
            long[] weight = sites.get(site);
            if (weight == null && sites.size() >= SITES_PER_CLASS) {
                Map.Entry<String, long[]> lightest = sites.entrySet().stream()
                        .min(Comparator.comparingLong(e -> e.getValue()[0])).orElseThrow();
                sites.remove(lightest.getKey());
                weight = new long[] {lightest.getValue()[0]};
                sites.put(site, weight);
            } else if (weight == null) {
                weight = new long[1];
                sites.put(site, weight);
            }
            weight[0] += bytes;
        }

        String heaviestSite() {
            return sites.entrySet().stream().max(Comparator.comparingLong(e -> e.getValue()[0]))
                    .map(Map.Entry::getKey).orElse(null);
        }
    }
}
