package dev.precog.analyzer.jfr;

import java.util.IdentityHashMap;
import java.util.Map;
import java.util.function.Function;
import jdk.jfr.consumer.RecordedStackTrace;

/**
 * What was derived from a stack trace, kept per trace object. JFR's parser resolves each stack
 * trace of a chunk once and hands every event with that stack the same object (a 100 MB recording
 * of a busy service: 26,000 handled events, 492 stack objects), so walking the frames and building
 * their names once per object, not per event, saves most of a handler's work. Bounded: emptied
 * when full (a new chunk brings new objects, the old ones then go). Thread-safe, though a stream
 * has only one thread calling its handlers.
 */
final class StackTraceMemo<V> {

    private static final int CAPACITY = 1024;

    private final Map<RecordedStackTrace, V> values = new IdentityHashMap<>();
    private final Function<RecordedStackTrace, V> derive;

    StackTraceMemo(Function<RecordedStackTrace, V> derive) {
        this.derive = derive;
    }

    /** {@code derive(stack)}, computed once per stack object; null for a null stack. */
    synchronized V get(RecordedStackTrace stack) {
        if (stack == null) {
            return null;
        }
        V value = values.get(stack);
        if (value == null && !values.containsKey(stack)) {
            if (values.size() >= CAPACITY) {
                values.clear();
            }
            value = derive.apply(stack);
            values.put(stack, value);
        }
        return value;
    }
}
