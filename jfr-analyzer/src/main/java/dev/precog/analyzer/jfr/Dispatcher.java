package dev.precog.analyzer.jfr;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import jdk.jfr.consumer.RecordedEvent;

/** Routes an event to the handlers registered for its type; one map lookup per event. */
final class Dispatcher {

    private final Map<String, List<EventHandler>> byName = new HashMap<>();

    Dispatcher(List<EventHandler> handlers) {
        for (EventHandler h : handlers) {
            byName.computeIfAbsent(h.eventName(), k -> new ArrayList<>()).add(h);
        }
    }

    /** True when some handler consumes events of this type. */
    boolean wants(String eventName) {
        return byName.containsKey(eventName);
    }

    void dispatch(RecordedEvent event) {
        List<EventHandler> handlers = byName.get(event.getEventType().getName());
        if (handlers != null) {
            for (EventHandler h : handlers) {
                h.accept(event);
            }
        }
    }
}
