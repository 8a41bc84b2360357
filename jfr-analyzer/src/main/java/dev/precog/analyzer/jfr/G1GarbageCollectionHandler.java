package dev.precog.analyzer.jfr;

import jdk.jfr.consumer.RecordedEvent;

/**
 * jdk.G1GarbageCollection: marks G1's mixed collections, whose after-heap shows the live set, and
 * tells when a concurrent cycle's mixed phase is over.
 */
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
        String type = JfrFields.stringOr(event, "type", "");
        if (GcCorrelator.MIXED.equals(type)) {
            correlator.oldCollection(JfrFields.longOr(event, "gcId", -1));
        }
        correlator.g1Pause(type, event.getStartTime());
    }
}
