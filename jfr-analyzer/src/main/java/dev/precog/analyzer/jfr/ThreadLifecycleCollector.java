package dev.precog.analyzer.jfr;

import dev.precog.analyzer.evidence.Census;
import dev.precog.analyzer.evidence.CensusDiff;
import dev.precog.analyzer.evidence.ThreadNames;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * Net thread starts per name pattern over a recording (jdk.ThreadStart minus jdk.ThreadEnd):
 * the offline stand-in for two censuses of live threads. Threads alive before the recording
 * began are unknown to it, so its counts are those of threads started while it ran. Bounded to
 * {@link ThreadNames#MAX_PATTERNS} patterns.
 */
public final class ThreadLifecycleCollector {

    /** The basis of suspects named from these counts: net starts, not a census of live threads. */
    public static final String BASIS = "thread-start-end";

    private final Map<String, Long> net = new HashMap<>();
    private long events;

    synchronized void started(String name) {
        add(name, 1);
    }

    synchronized void ended(String name) {
        add(name, -1);
    }

    private void add(String name, long delta) {
        events++;
        // a pattern back at zero frees its slot: short-lived uniquely named threads must not fill the table
        net.merge(ThreadNames.bounded(net, ThreadNames.normalize(name)), delta, (a, b) -> a + b == 0 ? null : a + b);
    }

    /** Thread start and end events seen. */
    public synchronized long events() {
        return events;
    }

    /**
     * The patterns with more threads started than ended over the whole recording, most first,
     * dated {@code from} to {@code to}; null when the recording had no thread start or end events.
     */
    public synchronized CensusDiff diff(Instant from, Instant to) {
        if (events == 0) {
            return null;
        }
        return CensusDiff.between(new Census(from, Map.of()), new Census(to, net)).withBasis(BASIS);
    }
}
