package dev.precog.analyzer.jfr;

import dev.precog.analyzer.detect.JavaTypes;
import java.time.Duration;
import jdk.jfr.consumer.RecordedClass;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedMethod;
import jdk.jfr.consumer.RecordedObject;
import jdk.jfr.consumer.RecordedStackTrace;

/** Null-safe reads of event fields that may be missing on some JDK versions or collectors. */
final class JfrFields {

    private JfrFields() {}

    static long longOr(RecordedObject o, String field, long fallback) {
        return o != null && o.hasField(field) ? o.getLong(field) : fallback;
    }

    static double doubleOr(RecordedObject o, String field, double fallback) {
        return o != null && o.hasField(field) ? o.getDouble(field) : fallback;
    }

    static String stringOr(RecordedObject o, String field, String fallback) {
        if (o == null || !o.hasField(field)) {
            return fallback;
        }
        String s = o.getString(field);
        return s == null ? fallback : s;
    }

    static double millisOr(RecordedObject o, String field, double fallback) {
        if (o == null || !o.hasField(field)) {
            return fallback;
        }
        Duration d = o.getDuration(field);
        return d == null ? fallback : d.toNanos() / 1e6;
    }

    static RecordedObject structOr(RecordedObject o, String field) {
        return o != null && o.hasField(field) ? o.getValue(field) : null;
    }

    /**
     * The first frame of the event's stack outside the JDK, Precog and generated classes, as
     * {@code Class.method:line} ({@code Class.method} when the line is unknown); the
     * top frame when every frame is the JDK's; null without a stack.
     */
    static String applicationFrame(RecordedEvent e) {
        return APPLICATION_FRAMES.get(e.getStackTrace());
    }

    /** Stack objects a memo keeps: a chunk seldom has more that events refer to. */
    static final int STACKS = 1024;
    /**
     * Classes a memo keeps: javac's samples alone name a few thousand, and each name read from the
     * parser is a new string.
     */
    static final int CLASSES = 4096;

    private static final ChunkMemo<RecordedStackTrace, String> APPLICATION_FRAMES =
            new ChunkMemo<>(STACKS, JfrFields::applicationFrame);
    private static final ChunkMemo<RecordedClass, String> CLASS_NAMES = new ChunkMemo<>(CLASSES, RecordedClass::getName);

    private static String applicationFrame(RecordedStackTrace stack) {
        RecordedFrame top = null;
        for (RecordedFrame frame : stack.getFrames()) {
            String type = typeName(frame.getMethod());
            if (type == null) {
                continue;
            }
            if (top == null) {
                top = frame;
            }
            // a lambda's or hidden class's frame is generated: the frame below it is the code to read
            if (!JavaTypes.isPlatform(type) && !JavaTypes.isHidden(type)) {
                return where(frame);
            }
        }
        // named only at the end: in a stack of JDK code (javac) every frame is walked
        return top == null ? null : where(top);
    }

    /**
     * The name of the class declaring {@code method}, null without one. Read once per class object
     * of the chunk: the parser builds a new string at every read, and a stack of JDK code is walked
     * to its end.
     */
    static String typeName(RecordedMethod method) {
        return method == null ? null : CLASS_NAMES.get(method.getType());
    }

    /** A frame as {@code Class.method:line} ({@code Class.method} when the line is unknown); null without a method. */
    static String where(RecordedFrame frame) {
        RecordedMethod method = frame.getMethod();
        String type = typeName(method);
        if (type == null) {
            return null;
        }
        int line = frame.getLineNumber();
        return type + "." + method.getName() + (line >= 0 ? ":" + line : "");
    }

    static String className(RecordedEvent e, String field) {
        if (!e.hasField(field)) {
            return null;
        }
        RecordedClass c = e.getClass(field);
        return c == null ? null : c.getName();
    }
}
