package dev.precog.analyzer.jfr;

import dev.precog.analyzer.window.WindowAccumulator;
import java.util.Map;
import jdk.jfr.consumer.RecordedEvent;

/**
 * jdk.VirtualThreadPinned (JDK 21+; absent on 17, where the registry leaves this handler out): a
 * virtual thread that blocked while pinned to its carrier, counted as contention on the carriers.
 */
final class VirtualThreadPinnedHandler implements EventHandler {

    static final String EVENT = "jdk.VirtualThreadPinned";
    /** As for lock waits: shorter pins are not worth an event. */
    private static final String THRESHOLD = "10 ms";

    private final WindowAccumulator sink;

    VirtualThreadPinnedHandler(WindowAccumulator sink) {
        this.sink = sink;
    }

    @Override
    public String eventName() {
        return EVENT;
    }

    @Override
    public Map<String, String> settings() {
        return Map.of("threshold", THRESHOLD);
    }

    @Override
    public boolean stackTrace() {
        return true;
    }

    @Override
    public void accept(RecordedEvent event) {
        sink.countEvent();
        WaitAttribution.pinned(event, sink);
    }
}
