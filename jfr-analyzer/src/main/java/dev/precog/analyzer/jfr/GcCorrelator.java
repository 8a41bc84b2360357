package dev.precog.analyzer.jfr;

import dev.precog.analyzer.window.WindowAccumulator;
import dev.precog.model.Metric;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Joins "heap after GC" with "this GC was an old, mixed or full collection", which JFR reports
 * in separate events sharing a gcId, in either order. Only the latest few ids are remembered.
 *
 * <p>Also counts G1's concurrent cycles as old collections, but only once their mixed phase is
 * over: the cycle itself only marks, and the mixed collections after it reclaim. Counted when it
 * ends, a cycle made promoted garbage it had not yet reclaimed look like a leak confirmed.
 */
public final class GcCorrelator {

    private static final int REMEMBERED = 64;
    static final String MIXED = "Mixed";
    static final String PREPARE_MIXED = "Prepare Mixed";

    private final WindowAccumulator sink;
    private final Map<Long, Double> heapAfter = bounded();
    private final Map<Long, Boolean> oldCollections = bounded();
    /** When the G1 concurrent cycle not yet counted ended; null when there is none. */
    private Instant cycleEnd;
    /** When the latest G1 pause that was not part of a mixed phase began. */
    private Instant lastOrdinaryPause;

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

    /**
     * A G1 concurrent cycle ended at {@code end}. Without jdk.G1GarbageCollection events, which tell
     * when its mixed phase is over, the next cycle's end is when an earlier one is counted.
     */
    synchronized void concurrentCycleEnded(Instant end) {
        if (cycleEnd != null) {
            sink.record(Metric.OLD_GC_COUNT, 1);
        }
        // events come in buffer order, not time order: the pause ending the mixed phase may be here already
        if (lastOrdinaryPause != null && lastOrdinaryPause.isAfter(end)) {
            sink.record(Metric.OLD_GC_COUNT, 1);
            cycleEnd = null;
        } else {
            cycleEnd = end;
        }
    }

    /**
     * A G1 pause of this type ({@code jdk.G1GarbageCollection}'s, or "G1Full") began {@code at}: any
     * but the mixed phase's own after a cycle's end tells that its mixed phase is over.
     */
    synchronized void g1Pause(String type, Instant at) {
        if (MIXED.equals(type) || PREPARE_MIXED.equals(type)) {
            return;
        }
        if (lastOrdinaryPause == null || at.isAfter(lastOrdinaryPause)) {
            lastOrdinaryPause = at;
        }
        if (cycleEnd != null && at.isAfter(cycleEnd)) {
            sink.record(Metric.OLD_GC_COUNT, 1);
            cycleEnd = null;
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
