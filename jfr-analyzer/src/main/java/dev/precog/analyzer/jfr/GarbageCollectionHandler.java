package dev.precog.analyzer.jfr;

import dev.precog.analyzer.window.WindowAccumulator;
import dev.precog.model.Metric;
import java.util.Set;
import jdk.jfr.consumer.RecordedEvent;

/** jdk.GarbageCollection: counts collections, their pause time, and which ones were old or full. */
final class GarbageCollectionHandler implements EventHandler {

    static final String EVENT = "jdk.GarbageCollection";

    /** Collector names whose collections reach the old generation (G1 mixed ones come from G1GarbageCollection). */
    private static final Set<String> OLD_COLLECTORS = Set.of(
            "G1Old", "G1Full", "ParallelOld", "SerialOld", "PSMarkSweep", "ConcurrentMarkSweep",
            "Z", "ZGC Major", "ZGC Minor Old", "Shenandoah", "Full");

    /** Collectors whose old collections compact the whole heap, leaving no garbage behind. */
    private static final Set<String> FULL_COLLECTORS = Set.of("G1Full", "ParallelOld", "SerialOld", "PSMarkSweep");

    /** G1's concurrent cycle, counted by {@link GcCorrelator} once its mixed phase is over. */
    private static final String G1_CONCURRENT_CYCLE = "G1Old";
    private static final String G1_FULL = "G1Full";

    private final WindowAccumulator sink;
    private final GcCorrelator correlator;

    GarbageCollectionHandler(WindowAccumulator sink, GcCorrelator correlator) {
        this.sink = sink;
        this.correlator = correlator;
    }

    @Override
    public String eventName() {
        return EVENT;
    }

    @Override
    public void accept(RecordedEvent event) {
        sink.record(Metric.GC_COUNT, 1);
        sink.record(Metric.GC_PAUSE_TOTAL, JfrFields.millisOr(event, "sumOfPauses", 0));
        String name = JfrFields.stringOr(event, "name", "");
        if (!OLD_COLLECTORS.contains(name)) {
            return;
        }
        correlator.oldCollection(JfrFields.longOr(event, "gcId", -1));
        if (G1_CONCURRENT_CYCLE.equals(name)) {
            correlator.concurrentCycleEnded(event.getEndTime());
            return;
        }
        sink.record(Metric.OLD_GC_COUNT, 1);
        if (FULL_COLLECTORS.contains(name)) {
            sink.record(Metric.FULL_GC_COUNT, 1);
        }
        if (G1_FULL.equals(name)) {
            correlator.g1Pause(G1_FULL, event.getStartTime());
        }
    }
}
