package dev.precog.analyzer.jfr;

import dev.precog.analyzer.window.WindowAccumulator;
import dev.precog.model.Metric;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedObject;

/** jdk.GCHeapSummary: heap used before and after each collection, committed and reserved size. */
final class GcHeapSummaryHandler implements EventHandler {

    static final String EVENT = "jdk.GCHeapSummary";

    private final WindowAccumulator sink;
    private final GcCorrelator correlator;

    GcHeapSummaryHandler(WindowAccumulator sink, GcCorrelator correlator) {
        this.sink = sink;
        this.correlator = correlator;
    }

    @Override
    public String eventName() {
        return EVENT;
    }

    @Override
    public void accept(RecordedEvent event) {
        long used = JfrFields.longOr(event, "heapUsed", -1);
        if (used < 0) {
            return;
        }
        if ("After GC".equals(JfrFields.stringOr(event, "when", ""))) {
            sink.record(Metric.HEAP_USED_AFTER_GC, used);
            correlator.heapAfterGc(JfrFields.longOr(event, "gcId", -1), used);
        } else {
            sink.record(Metric.HEAP_USED_BEFORE_GC, used);
        }
        RecordedObject space = JfrFields.structOr(event, "heapSpace");
        long committed = JfrFields.longOr(space, "committedSize", -1);
        if (committed > 0) {
            sink.record(Metric.HEAP_COMMITTED, committed);
        }
    }
}
