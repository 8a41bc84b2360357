package dev.precog.analyzer.jfr;

import dev.precog.analyzer.window.WindowAccumulator;
import dev.precog.model.Metric;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Joins "heap after GC" with "this GC was an old, mixed or full collection", which JFR reports
 * in separate events sharing a gcId, in either order. Only the latest few ids are remembered.
 */
public final class GcCorrelator {

    private static final int REMEMBERED = 64;

    private final WindowAccumulator sink;
    private final Map<Long, Double> heapAfter = bounded();
    private final Map<Long, Boolean> oldCollections = bounded();

    public GcCorrelator(WindowAccumulator sink) {
        this.sink = sink;
    }

    synchronized void heapAfterGc(long gcId, double usedBytes) {
        if (oldCollections.remove(gcId) != null) {
            sink.record(Metric.HEAP_USED_AFTER_OLD_GC, usedBytes);
        } else {
            heapAfter.put(gcId, usedBytes);
        }
    }

    synchronized void oldCollection(long gcId) {
        Double used = heapAfter.remove(gcId);
        if (used != null) {
            sink.record(Metric.HEAP_USED_AFTER_OLD_GC, used);
        } else {
            oldCollections.put(gcId, Boolean.TRUE);
        }
    }

    private static <V> Map<Long, V> bounded() {
        return new LinkedHashMap<>(16, 0.75f, false) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Long, V> eldest) {
                return size() > REMEMBERED;
            }
        };
    }
}
