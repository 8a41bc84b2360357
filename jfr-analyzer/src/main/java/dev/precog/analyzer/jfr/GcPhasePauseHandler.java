package dev.precog.analyzer.jfr;

import dev.precog.analyzer.window.WindowAccumulator;
import dev.precog.model.DistributionKind;
import java.util.Map;
import jdk.jfr.consumer.RecordedEvent;

/** jdk.GCPhasePause: every stop-the-world pause, into the GC pause distribution. */
final class GcPhasePauseHandler implements EventHandler {

    static final String EVENT = "jdk.GCPhasePause";

    private final WindowAccumulator sink;

    GcPhasePauseHandler(WindowAccumulator sink) {
        this.sink = sink;
    }

    @Override
    public String eventName() {
        return EVENT;
    }

    @Override
    public Map<String, String> settings() {
        return Map.of("threshold", "0 ms");
    }

    @Override
    public void accept(RecordedEvent event) {
        sink.recordDuration(DistributionKind.GC_PAUSE, event.getDuration().toNanos());
    }
}
