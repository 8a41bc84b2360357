package dev.precog.analyzer.jfr;

import dev.precog.analyzer.window.WindowAccumulator;
import java.util.Map;
import jdk.jfr.consumer.RecordedEvent;

/** jdk.ObjectAllocationSample: throttled allocation samples, weighted by bytes, per class and site. */
final class AllocationSampleHandler implements EventHandler {

    static final String EVENT = "jdk.ObjectAllocationSample";

    private final WindowAccumulator sink;

    AllocationSampleHandler(WindowAccumulator sink) {
        this.sink = sink;
    }

    @Override
    public String eventName() {
        return EVENT;
    }

    @Override
    public Map<String, String> settings() {
        return Map.of("throttle", "150/s");
    }

    /** Stacks name where the allocation happens; only the first application frame is kept. */
    @Override
    public boolean stackTrace() {
        return true;
    }

    @Override
    public void accept(RecordedEvent event) {
        String className = JfrFields.className(event, "objectClass");
        long weight = JfrFields.longOr(event, "weight", 0);
        if (className != null && weight > 0) {
            sink.recordAllocation(className, weight, JfrFields.applicationFrame(event));
        }
    }
}
