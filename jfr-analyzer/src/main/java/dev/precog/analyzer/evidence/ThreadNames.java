package dev.precog.analyzer.evidence;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * Thread names reduced to the pattern their creator gave them ("pool-7-thread-3" becomes
 * "pool-N-thread-N"), so the threads of one pool or one factory count together.
 */
public final class ThreadNames {

    /** Distinct patterns kept per census; a few hundred pools is already a pathological JVM. */
    public static final int MAX_PATTERNS = 1_000;
    /** Where threads whose pattern did not fit under {@link #MAX_PATTERNS} are counted. */
    public static final String OTHER = "(other names)";
    /** Some applications put request data in thread names; a pattern longer than this is cut. */
    static final int MAX_LENGTH = 120;

    private ThreadNames() {}

    /** Digit runs become "N"; a missing or empty name becomes "(unnamed)". */
    public static String normalize(String name) {
        if (name == null || name.isEmpty()) {
            return "(unnamed)";
        }
        StringBuilder out = new StringBuilder(Math.min(name.length(), MAX_LENGTH));
        boolean inDigits = false;
        for (int i = 0; i < name.length() && out.length() < MAX_LENGTH; i++) {
            char c = name.charAt(i);
            boolean digit = c >= '0' && c <= '9';
            if (!digit) {
                out.append(c);
            } else if (!inDigits) {
                out.append('N');
            }
            inDigits = digit;
        }
        return out.toString();
    }

    /** Live threads by name pattern, from the names of the threads alive at {@code at}. */
    public static Census census(Instant at, Iterable<String> names) {
        Map<String, Long> counts = new HashMap<>();
        for (String name : names) {
            counts.merge(bounded(counts, normalize(name)), 1L, Long::sum);
        }
        return new Census(at, counts);
    }

    /** {@code pattern}, or {@link #OTHER} when {@code counts} is full and does not know it yet. */
    public static String bounded(Map<String, ?> counts, String pattern) {
        return counts.size() < MAX_PATTERNS - 1 || counts.containsKey(pattern) ? pattern : OTHER;
    }
}
