package dev.precog.analyzer.jfr;

import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import jdk.jfr.consumer.RecordedStackTrace;

/**
 * What was derived from a stack trace, kept per trace object. JFR's parser resolves each stack
 * trace of a chunk once and hands every event with that stack the same object (a 100 MB recording
 * of a busy service: 26,000 handled events, 492 stack objects), so walking the frames and building
 * their names once per object, not per event, saves most of a handler's work. Bounded: emptied
 * when full, and when the live stream ends a chunk ({@link #forgetAll}), whose stacks no event
 * will bring again. Thread-safe, though a stream has only one thread calling its handlers.
 */
final class StackTraceMemo<V> {

    private static final int CAPACITY = 1024;

    /** Every memo made (a handful of static ones), for {@link #forgetAll}. */
    private static final List<StackTraceMemo<?>> ALL = new CopyOnWriteArrayList<>();

    private final Map<RecordedStackTrace, V> values = new IdentityHashMap<>();
    private final Function<RecordedStackTrace, V> derive;

    StackTraceMemo(Function<RecordedStackTrace, V> derive) {
        this.derive = derive;
        ALL.add(this);
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

    /** Empties every memo: the stacks they hold belong to a chunk that has ended. */
    static void forgetAll() {
        for (StackTraceMemo<?> memo : ALL) {
            memo.clear();
        }
    }

    private synchronized void clear() {
        values.clear();
    }
}
