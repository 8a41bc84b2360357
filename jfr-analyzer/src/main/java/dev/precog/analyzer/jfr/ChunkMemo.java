package dev.precog.analyzer.jfr;

import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/**
 * What was derived from an object of JFR's parser (a stack trace, a class), kept per object. The
 * parser resolves each stack trace and each class of a chunk once and hands every event and frame
 * that refers to it the same object (a 100 MB recording of a busy service: 26,000 handled events,
 * 492 stack objects), so walking the frames and building their names once per object, not per
 * event, saves most of a handler's work. Bounded: emptied when full, and when the live stream ends
 * a chunk ({@link #forgetAll}), whose objects no event will bring again. Thread-safe, though a
 * stream has only one thread calling its handlers.
 */
final class ChunkMemo<K, V> {

    /** Every memo made (a handful of static ones), for {@link #forgetAll}. */
    private static final List<ChunkMemo<?, ?>> ALL = new CopyOnWriteArrayList<>();

    private final Map<K, V> values = new IdentityHashMap<>();
    private final Function<K, V> derive;
    private final int capacity;

    ChunkMemo(int capacity, Function<K, V> derive) {
        this.capacity = capacity;
        this.derive = derive;
        ALL.add(this);
    }

    /** {@code derive(key)}, computed once per key object; null for a null key. */
    synchronized V get(K key) {
        if (key == null) {
            return null;
        }
        V value = values.get(key);
        if (value == null && !values.containsKey(key)) {
            if (values.size() >= capacity) {
                values.clear();
            }
            value = derive.apply(key);
            values.put(key, value);
        }
        return value;
    }

    /** Empties every memo: the objects they hold belong to a chunk that has ended. */
    static void forgetAll() {
        for (ChunkMemo<?, ?> memo : ALL) {
            memo.clear();
        }
    }

    private synchronized void clear() {
        values.clear();
    }
}
