package dev.precog.model;

import java.util.List;

/**
 * What the agent cost over its most recent period (up to a minute), the figure its overhead
 * budget is held to. CPU counts the agent's threads plus the JVM's JFR threads; values are null
 * where the platform does not tell.
 *
 * @param seconds the length of the period measured
 * @param agentCpuMillis CPU time of the agent's own threads in the period
 * @param jfrThreadsCpuMillis CPU time of the JVM's JFR threads in the period
 * @param cpuFractionOfOneCore agent and JFR threads' CPU time over the period's length
 * @param cpuFractionOfProcess agent and JFR threads' CPU time as a share of the process's
 * @param allocatedBytesPerSecond heap allocated by the agent's threads per second
 * @param allocatedFractionOfProcess the agent's allocation as a share of the whole process's
 * @param jfrEventsPerSecond events the JFR stream delivered per second
 * @param jfrBytesPerSecond bytes JFR wrote to its repository (which the stream reads) per second
 * @param topEventTypes the event types that delivered the most, most first
 */
public record RecentCost(
        double seconds,
        long agentCpuMillis,
        Long jfrThreadsCpuMillis,
        Double cpuFractionOfOneCore,
        Double cpuFractionOfProcess,
        Double allocatedBytesPerSecond,
        Double allocatedFractionOfProcess,
        double jfrEventsPerSecond,
        Double jfrBytesPerSecond,
        List<EventTypeRate> topEventTypes) {

    public RecentCost {
        topEventTypes = List.copyOf(topEventTypes);
    }

    /** One JFR event type's delivery rate. */
    public record EventTypeRate(String eventType, double perSecond) {}
}
