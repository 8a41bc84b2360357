package dev.precog.analyzer.jfr;

import jdk.jfr.consumer.RecordedEvent;

/** jdk.G1GarbageCollection: marks G1's mixed collections, whose after-heap shows the live set. */
final class G1GarbageCollectionHandler implements EventHandler {

    static final String EVENT = "jdk.G1GarbageCollection";

    private final GcCorrelator correlator;

    G1GarbageCollectionHandler(GcCorrelator correlator) {
        this.correlator = correlator;
    }

    @Override
    public String eventName() {
        return EVENT;
    }

    @Override
    public void accept(RecordedEvent event) {
        if ("Mixed".equals(JfrFields.stringOr(event, "type", ""))) {
            correlator.oldCollection(JfrFields.longOr(event, "gcId", -1));
        }
    }
}
