package dev.precog.agent;

import dev.precog.model.RecentCost;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * The agent's cumulative cost counters at one instant; -1 where the platform does not tell.
 *
 * @param nanoTime when, by {@link System#nanoTime()}
 * @param agentCpuNanos CPU time of the agent's threads since the agent started
 * @param jfrThreadsCpuNanos CPU time of the JVM's JFR threads since they started
 * @param agentAllocatedBytes heap allocated by the agent's threads
 * @param processCpuNanos CPU time of the whole process
 * @param processAllocatedBytes heap allocated by every thread of the process
 * @param jfrEvents events delivered by the JFR stream per event type
 * @param jfrBytes bytes written to JFR's repository since the agent first looked
 */
record CostReading(long nanoTime, long agentCpuNanos, long jfrThreadsCpuNanos, long agentAllocatedBytes,
        long processCpuNanos, long processAllocatedBytes, Map<String, Long> jfrEvents, long jfrBytes) {

    /** Event types listed in {@link RecentCost#topEventTypes()}. */
    static final int TOP_EVENT_TYPES = 10;

    CostReading {
        jfrEvents = Map.copyOf(jfrEvents);
    }

    /** CPU nanoseconds the budget counts: the agent's threads and, where readable, JFR's. */
    long budgetedCpuNanos() {
        return agentCpuNanos + Math.max(0, jfrThreadsCpuNanos);
    }

    /** What the agent cost between {@code start} and this reading; null when no time passed. */
    RecentCost since(CostReading start) {
        long wall = nanoTime - start.nanoTime;
        if (wall <= 0) {
            return null;
        }
        double seconds = wall / 1e9;
        long agentCpu = agentCpuNanos - start.agentCpuNanos;
        Long jfrCpu = known(jfrThreadsCpuNanos, start.jfrThreadsCpuNanos) ? jfrThreadsCpuNanos - start.jfrThreadsCpuNanos : null;
        long cpu = agentCpu + (jfrCpu == null ? 0 : jfrCpu);
        long processCpu = processCpuNanos - start.processCpuNanos;
        long allocated = agentAllocatedBytes - start.agentAllocatedBytes;
        long processAllocated = processAllocatedBytes - start.processAllocatedBytes;
        boolean allocationKnown = known(agentAllocatedBytes, start.agentAllocatedBytes);
        return new RecentCost(seconds, agentCpu / 1_000_000, jfrCpu == null ? null : jfrCpu / 1_000_000,
                (double) cpu / wall,
                known(processCpuNanos, start.processCpuNanos) && processCpu > 0 ? Math.min(1.0, (double) cpu / processCpu) : null,
                allocationKnown ? allocated / seconds : null,
                allocationKnown && known(processAllocatedBytes, start.processAllocatedBytes) && processAllocated > 0
                        ? Math.min(1.0, (double) allocated / processAllocated) : null,
                (total(jfrEvents) - total(start.jfrEvents)) / seconds,
                known(jfrBytes, start.jfrBytes) ? (jfrBytes - start.jfrBytes) / seconds : null,
                topEventTypes(start, seconds));
    }

    private List<RecentCost.EventTypeRate> topEventTypes(CostReading start, double seconds) {
        return jfrEvents.entrySet().stream()
                .map(e -> new RecentCost.EventTypeRate(e.getKey(),
                        (e.getValue() - start.jfrEvents.getOrDefault(e.getKey(), 0L)) / seconds))
                .filter(r -> r.perSecond() > 0)
                .sorted(Comparator.comparingDouble(RecentCost.EventTypeRate::perSecond).reversed()
                        .thenComparing(RecentCost.EventTypeRate::eventType))
                .limit(TOP_EVENT_TYPES)
                .toList();
    }

    private static boolean known(long now, long then) {
        return now >= 0 && then >= 0;
    }

    private static long total(Map<String, Long> events) {
        long sum = 0;
        for (long n : events.values()) {
            sum += n;
        }
        return sum;
    }
}
