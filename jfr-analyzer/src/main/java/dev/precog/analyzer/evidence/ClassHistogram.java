package dev.precog.analyzer.evidence;

import java.time.Instant;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Instances and shallow bytes per class at one moment, as {@code jcmd <pid> GC.class_histogram}
 * prints them. Only the largest classes are kept, so memory stays bounded.
 *
 * @param elapsedMillis how long taking the histogram stopped the application
 */
public record ClassHistogram(Instant at, Map<String, Entry> classes, long elapsedMillis) {

    /** Classes kept per histogram: far more than any ranking needs. */
    static final int MAX_CLASSES = 2_000;

    private static final Pattern LINE = Pattern.compile("^\\s*\\d+:\\s+(\\d+)\\s+(\\d+)\\s+(\\S+)");

    public ClassHistogram {
        classes = Collections.unmodifiableMap(new HashMap<>(classes));
    }

    /** One class's count and shallow size. */
    public record Entry(long instances, long bytes) {}

    /** True when rows beyond {@link #MAX_CLASSES} were dropped: a class absent here may still exist. */
    public boolean isTruncated() {
        return classes.size() >= MAX_CLASSES;
    }

    /** Parses the text of GC.class_histogram; lines that are not class rows are skipped. */
    public static ClassHistogram parse(String text, Instant at, long elapsedMillis) {
        Map<String, Entry> classes = new HashMap<>();
        for (String line : text.split("\n")) {
            if (classes.size() >= MAX_CLASSES) {
                break; // rows come sorted by bytes, largest first
            }
            Matcher m = LINE.matcher(line);
            if (m.find()) {
                classes.merge(m.group(3), new Entry(Long.parseLong(m.group(1)), Long.parseLong(m.group(2))),
                        (a, b) -> new Entry(a.instances() + b.instances(), a.bytes() + b.bytes()));
            }
        }
        return new ClassHistogram(at, classes, elapsedMillis);
    }
}
