package dev.precog.agent;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.ToLongFunction;

/**
 * The heap an object graph of the agent's own holds, from the shallow sizes the JVM reports
 * ({@code Instrumentation.getObjectSize}). The agent's classes are walked field by field. JDK
 * classes cannot be looked into (their modules are closed), so collections and maps are walked
 * through their public API and their insides estimated: {@value #MAP_ENTRY_BYTES} bytes per map
 * entry (a hash node and its table slot), {@value #ELEMENT_BYTES} per collection element, and a
 * string's characters as one byte each (Latin-1, as class and method names are) plus an array
 * header. Shared objects are counted once per walk. Enum constants and classes are not counted.
 */
final class ObjectGraphSize {

    static final long MAP_ENTRY_BYTES = 40;
    static final long ELEMENT_BYTES = 8;
    static final long ARRAY_HEADER_BYTES = 16;
    /** A walk stops after this many objects, so a surprise in the graph cannot cost much. */
    static final int MAX_OBJECTS = 500_000;

    private final ToLongFunction<Object> shallow;
    private final Map<Class<?>, List<Field>> fields = new HashMap<>();

    ObjectGraphSize(ToLongFunction<Object> shallow) {
        this.shallow = shallow;
    }

    /** Bytes reachable from {@code root}, not following into objects {@code skip} accepts. */
    long of(Object root, Predicate<Object> skip) {
        Set<Object> seen = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
        ArrayDeque<Object> todo = new ArrayDeque<>();
        todo.push(root);
        long bytes = 0;
        while (!todo.isEmpty() && seen.size() < MAX_OBJECTS) {
            Object o = todo.pop();
            if (o instanceof Class || o instanceof Enum || skip.test(o) || !seen.add(o)) {
                continue;
            }
            bytes += shallow.applyAsLong(o) + inside(o, todo);
        }
        return bytes;
    }

    /** Queues what {@code o} refers to; returns the estimated bytes of insides that cannot be walked. */
    private long inside(Object o, ArrayDeque<Object> todo) {
        Class<?> type = o.getClass();
        if (o instanceof String s) {
            return align(ARRAY_HEADER_BYTES + s.length());
        }
        if (type.isArray()) {
            if (o instanceof Object[] array) {
                for (Object e : array) {
                    push(todo, e);
                }
            }
            return 0;
        }
        if (type.getModule().isNamed()) {
            return jdkInside(o, todo);
        }
        for (Field f : fieldsOf(type)) {
            try {
                push(todo, f.get(o));
            } catch (IllegalAccessException | RuntimeException e) {
                // not readable: counted shallow only
            }
        }
        return 0;
    }

    private static long jdkInside(Object o, ArrayDeque<Object> todo) {
        try {
            if (o instanceof Map<?, ?> map) {
                for (Map.Entry<?, ?> e : map.entrySet()) {
                    push(todo, e.getKey());
                    push(todo, e.getValue());
                }
                return map.size() * MAP_ENTRY_BYTES;
            }
            if (o instanceof Collection<?> c) {
                for (Object e : c) {
                    push(todo, e);
                }
                return c.size() * ELEMENT_BYTES;
            }
        } catch (RuntimeException changedWhileWalked) {
            // counted as far as it got
        }
        return 0;
    }

    private static void push(ArrayDeque<Object> todo, Object o) {
        if (o != null) {
            todo.push(o);
        }
    }

    private List<Field> fieldsOf(Class<?> type) {
        return fields.computeIfAbsent(type, t -> {
            List<Field> out = new ArrayList<>();
            for (Class<?> c = t; c != null && !c.getModule().isNamed(); c = c.getSuperclass()) {
                for (Field f : c.getDeclaredFields()) {
                    if (!Modifier.isStatic(f.getModifiers()) && !f.getType().isPrimitive() && accessible(f)) {
                        out.add(f);
                    }
                }
            }
            return out;
        });
    }

    private static boolean accessible(Field f) {
        try {
            f.setAccessible(true);
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static long align(long bytes) {
        return (bytes + 7) & ~7L;
    }
}
