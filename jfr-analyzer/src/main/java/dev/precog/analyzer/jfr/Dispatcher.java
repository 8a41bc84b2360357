package dev.precog.analyzer.jfr;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import jdk.jfr.consumer.RecordedEvent;

/** Groups handlers by the event type they consume: one consumer per type, for a reader to register. */
final class Dispatcher {

    private final Map<String, List<EventHandler>> byName = new LinkedHashMap<>();

    Dispatcher(List<EventHandler> handlers) {
        for (EventHandler h : handlers) {
            byName.computeIfAbsent(h.eventName(), k -> new ArrayList<>()).add(h);
        }
    }

    /** For each handled type, a consumer that runs {@code first} and then the type's handlers. */
    Map<String, Consumer<RecordedEvent>> consumers(Consumer<RecordedEvent> first) {
        Map<String, Consumer<RecordedEvent>> consumers = new LinkedHashMap<>();
        byName.forEach((name, list) -> {
            EventHandler[] handlers = list.toArray(EventHandler[]::new);
            consumers.put(name, event -> {
                first.accept(event);
                for (EventHandler h : handlers) {
                    h.accept(event);
                }
            });
        });
        return consumers;
    }
}
