package dev.precog.analyzer.jfr;

import java.util.Map;
import jdk.jfr.consumer.RecordedEvent;

/**
 * Folds one JFR event type into window aggregates. Implementations copy what they need out of
 * the event at once and never keep it: the stream reuses event objects.
 */
public interface EventHandler {

    /** The JFR event type this handler consumes, e.g. {@code jdk.GarbageCollection}. */
    String eventName();

    /** Settings applied when the event is enabled on a live stream (threshold, period, throttle). */
    default Map<String, String> settings() {
        return Map.of();
    }

    /** Whether the live stream should record stack traces for this event. */
    default boolean stackTrace() {
        return false;
    }

    void accept(RecordedEvent event);
}
