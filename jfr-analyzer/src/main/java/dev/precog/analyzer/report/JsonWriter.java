package dev.precog.analyzer.report;

import java.lang.reflect.Array;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;

/**
 * Writes indented JSON the way Jackson's default pretty printer does ({@code "key" : value},
 * arrays on one line as {@code [ a, b ]}, objects in them opened in place), so the report keeps
 * its look without a JSON library loaded into the application's JVM. Values: null, strings,
 * numbers (a non-finite double as a string, as Jackson does), booleans, enums (their names),
 * instants (ISO-8601), maps, iterables, arrays and records; anything else as its string.
 */
final class JsonWriter {

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private final StringBuilder out;
    private final Records records;
    /** Per open container: whether anything was written in it yet. */
    private boolean[] written = new boolean[16];
    private boolean[] isObject = new boolean[16];
    private int open;
    private int objects;

    JsonWriter(StringBuilder out, Records records) {
        this.out = out;
        this.records = records;
    }

    JsonWriter beginObject() {
        beforeValue();
        out.append('{');
        push(true);
        objects++;
        return this;
    }

    JsonWriter endObject() {
        objects--;
        if (written[--open]) {
            newLine(objects);
        } else {
            out.append(' ');
        }
        out.append('}');
        return this;
    }

    JsonWriter beginArray() {
        beforeValue();
        out.append('[');
        push(false);
        return this;
    }

    JsonWriter endArray() {
        open--;
        out.append(" ]");
        return this;
    }

    /** The next member's name; its value follows. */
    JsonWriter name(String name) {
        if (written[open - 1]) {
            out.append(',');
        }
        written[open - 1] = true;
        newLine(objects);
        string(name);
        out.append(" : ");
        return this;
    }

    /** A member: its name and any value this writer knows. */
    JsonWriter field(String name, Object value) {
        name(name);
        return value(value);
    }

    JsonWriter field(String name, long value) {
        name(name);
        out.append(value);
        return this;
    }

    JsonWriter field(String name, double value) {
        name(name);
        number(value);
        return this;
    }

    JsonWriter field(String name, boolean value) {
        name(name);
        out.append(value);
        return this;
    }

    JsonWriter value(Object v) {
        if (v == null) {
            beforeValue();
            out.append("null");
        } else if (v instanceof CharSequence s) {
            beforeValue();
            string(s);
        } else if (v instanceof Double || v instanceof Float) {
            beforeValue();
            number(((Number) v).doubleValue(), v);
        } else if (v instanceof Number || v instanceof Boolean) {
            beforeValue();
            out.append(v);
        } else if (v instanceof Enum<?> e) {
            beforeValue();
            string(e.name());
        } else if (v instanceof Instant i) {
            beforeValue();
            string(i.toString());
        } else if (v instanceof Map<?, ?> m) {
            beginObject();
            for (Map.Entry<?, ?> e : m.entrySet()) {
                Object key = e.getKey();
                field(key instanceof Enum<?> k ? k.name() : String.valueOf(key), e.getValue());
            }
            endObject();
        } else if (v instanceof Iterable<?> items) {
            beginArray();
            for (Object item : items) {
                value(item);
            }
            endArray();
        } else if (v instanceof byte[] bytes) {
            beforeValue();
            string(Base64.getEncoder().encodeToString(bytes));
        } else if (v.getClass().isArray()) {
            beginArray();
            for (int i = 0, n = Array.getLength(v); i < n; i++) {
                value(Array.get(v, i));
            }
            endArray();
        } else if (v instanceof Record r) {
            if (!records.write(r, this)) {
                record(r);
            }
        } else {
            beforeValue();
            string(v.toString());
        }
        return this;
    }

    /** Writes the records it knows, member by member, without reflection. */
    interface Records {
        /** Writes {@code r} as an object and returns true, or returns false, writing nothing, for a record it does not know. */
        boolean write(Record r, JsonWriter w);
    }

    /** A record no writer was made for (evidence may hold one): its components, in order. */
    private void record(Record r) {
        beginObject();
        for (RecordComponent c : r.getClass().getRecordComponents()) {
            field(c.getName(), componentValue(c, r));
        }
        endObject();
    }

    /** The value of component {@code c} of {@code r}, even of a record type not public; a note when unreadable. */
    static Object componentValue(RecordComponent c, Record r) {
        try {
            c.getAccessor().setAccessible(true);
            return c.getAccessor().invoke(r);
        } catch (IllegalAccessException | InvocationTargetException | RuntimeException e) {
            return "<unreadable: " + e + ">";
        }
    }

    private void push(boolean object) {
        if (open == written.length) {
            written = Arrays.copyOf(written, 2 * open);
            isObject = Arrays.copyOf(isObject, 2 * open);
        }
        written[open] = false;
        isObject[open] = object;
        open++;
    }

    /** In an array, the separator before an element; a member's value needs none (its name wrote it). */
    private void beforeValue() {
        if (open > 0 && !isObject[open - 1]) {
            out.append(written[open - 1] ? ", " : " ");
            written[open - 1] = true;
        }
    }

    private void newLine(int depth) {
        out.append('\n');
        for (int i = 0; i < depth; i++) {
            out.append("  ");
        }
    }

    private void number(double d) {
        number(d, d);
    }

    private void number(double d, Object boxed) {
        if (Double.isNaN(d) || Double.isInfinite(d)) {
            string(boxed.toString());
        } else {
            out.append(boxed instanceof Float f ? f.toString() : Double.toString(d));
        }
    }

    private void string(CharSequence s) {
        out.append('"');
        for (int i = 0, n = s.length(); i < n; i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                default -> {
                    if (c < 0x20) {
                        out.append("\\u00").append(HEX[c >> 4]).append(HEX[c & 0xF]);
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
