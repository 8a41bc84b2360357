package dev.precog.analyzer.jfr;

import dev.precog.analyzer.window.WindowAccumulator;
import dev.precog.model.Metric;
import jdk.jfr.consumer.RecordedEvent;

/**
 * jdk.G1BasicIHOP: the occupancy at which G1 starts marking the old generation (adaptive or
 * fixed, whichever is in force), against the old generation's occupancy now. Their difference is
 * how much promoted garbage the old generation may gather before a marking cycle clears it.
 */
final class G1IhopHandler implements EventHandler {

    static final String EVENT = "jdk.G1BasicIHOP";

    private final WindowAccumulator sink;

    G1IhopHandler(WindowAccumulator sink) {
        this.sink = sink;
    }

    @Override
    public String eventName() {
        return EVENT;
    }

    @Override
    public void accept(RecordedEvent event) {
        long threshold = JfrFields.longOr(event, "threshold", -1);
        long occupancy = JfrFields.longOr(event, "currentOccupancy", -1);
        if (threshold > 0 && occupancy >= 0) {
            sink.record(Metric.GC_MARKING_HEADROOM, Math.max(0, threshold - occupancy));
        }
    }
}
