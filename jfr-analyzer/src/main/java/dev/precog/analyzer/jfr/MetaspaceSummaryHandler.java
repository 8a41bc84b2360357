package dev.precog.analyzer.jfr;

import dev.precog.analyzer.window.WindowAccumulator;
import dev.precog.model.Metric;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedObject;

/** jdk.MetaspaceSummary: metaspace used and committed, reported around each collection. */
final class MetaspaceSummaryHandler implements EventHandler {

    static final String EVENT = "jdk.MetaspaceSummary";

    private final WindowAccumulator sink;

    MetaspaceSummaryHandler(WindowAccumulator sink) {
        this.sink = sink;
    }

    @Override
    public String eventName() {
        return EVENT;
    }

    @Override
    public void accept(RecordedEvent event) {
        RecordedObject metaspace = JfrFields.structOr(event, "metaspace");
        long used = JfrFields.longOr(metaspace, "used", -1);
        long committed = JfrFields.longOr(metaspace, "committed", -1);
        if (used >= 0) {
            sink.record(Metric.METASPACE_USED, used);
        }
        if (committed >= 0) {
            sink.record(Metric.METASPACE_COMMITTED, committed);
        }
    }
}
