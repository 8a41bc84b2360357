package dev.precog.analyzer.window;

import dev.precog.model.ClassWeight;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Allocation weight per class for one window, bounded: once {@code capacity} classes are
 * known, samples of new classes are counted as dropped instead of growing the table.
 */
final class ClassWeightTable {

    private final int capacity;
    private final Map<String, long[]> weights = new HashMap<>();
    private long dropped;

    ClassWeightTable(int capacity) {
        this.capacity = capacity;
    }

    void add(String className, long bytes) {
        long[] w = weights.get(className);
        if (w == null) {
            if (weights.size() >= capacity) {
                dropped++;
                return;
            }
            w = new long[2];
            weights.put(className, w);
        }
        w[0] += bytes;
        w[1]++;
    }

    long dropped() {
        return dropped;
    }

    List<ClassWeight> top(int n) {
        return weights.entrySet().stream()
                .map(e -> new ClassWeight(e.getKey(), e.getValue()[0], e.getValue()[1]))
                .sorted(Comparator.comparingLong(ClassWeight::bytes).reversed())
                .limit(n)
                .toList();
    }
}
