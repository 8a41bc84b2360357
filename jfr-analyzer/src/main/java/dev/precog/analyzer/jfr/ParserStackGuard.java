package dev.precog.analyzer.jfr;

import dev.precog.analyzer.report.Format;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;

/**
 * Lowers JFR's allocation sampling, once per run, when the stack traces the stream's parser must
 * hold arrive faster than chunks can be ended. Where allocation samples rarely share a stack (a
 * compiler, a rule engine) they brought the parser 58,000 frames between two chunk ends at 150
 * samples a second (javac), and the stacks held grow with the rate; ending chunks more often costs
 * the agent's thread 13 to 46 ms each. Such
 * stacks are each seen about once, so a fifth of the samples still ranks the allocating classes
 * and sites, which is what the detectors take from them. Settings asked for later (the overhead
 * budget's) are lowered by the same factor. Called from one thread (the agent's).
 */
final class ParserStackGuard {

    static final String EVENT = "jdk.ObjectAllocationSample";
    /** Frames held when a chunk ended that trip the guard: about 2 MB of the parser's heap. */
    static final long FRAME_LIMIT = 40_000;
    /** Parser heap per frame held, measured on javac: 1,000 stacks of 64 frames held 3 MB. */
    static final long BYTES_PER_FRAME = 48;
    static final int FACTOR = 5;

    private final long frameLimit;
    private volatile String action;

    ParserStackGuard(long frameLimit) {
        this.frameLimit = frameLimit;
    }

    /**
     * Told that a chunk ended with the parser holding {@code frames}, while allocation samples are
     * recorded with {@code allocationSettings}; true when this trips the guard, which it does once.
     */
    boolean chunkEnded(long frames, Map<String, String> allocationSettings, Instant now) {
        if (action != null || frames < frameLimit || allocationSettings == null) {
            return false;
        }
        String before = allocationSettings.getOrDefault("throttle", "?");
        String after = JfrSettingValues.lowered(allocationSettings, FACTOR).getOrDefault("throttle", "?");
        action = String.format(Locale.ROOT, "%s throttle %s (was %s) since %s: JFR's stream parser held %,d frames of stack"
                + " traces (about %s) when a chunk ended, at least %,d, so new stacks came faster than chunks can be ended;"
                + " kept for the rest of the run", EVENT, after, before, now, frames, Format.bytes(frames * BYTES_PER_FRAME),
                frameLimit);
        return true;
    }

    /** {@code settings} for {@code eventName} as the guard lets them be: allocation samples fewer once it tripped. */
    Map<String, String> apply(String eventName, Map<String, String> settings) {
        return action != null && EVENT.equals(eventName) ? JfrSettingValues.lowered(settings, FACTOR) : settings;
    }

    /** What the guard did, in words; null while it has not tripped. */
    String action() {
        return action;
    }
}
