package dev.precog.analyzer.jfr;

import java.time.Duration;
import jdk.jfr.consumer.RecordedClass;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedObject;

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

    static String className(RecordedEvent e, String field) {
        if (!e.hasField(field)) {
            return null;
        }
        RecordedClass c = e.getClass(field);
        return c == null ? null : c.getName();
    }
}
