package dev.precog.model;

/**
 * The agent's own cost: CPU time of its threads (and of the JVM's JFR threads), what they
 * allocated, the memory its bounded structures hold, events it folded and events it dropped to
 * stay bounded, its cost over the last minute and the overhead budget it holds itself to. Lifetime
 * figures count from the agent's start. Values are null where they cannot be measured (offline,
 * or on a platform that does not tell).
 *
 * @param jfrThreadsCpuTimeMillis CPU time of the JVM's own JFR threads since the agent started
 * @param allocatedFractionOfProcess the agent's allocation as a share of the whole process's since the agent started
 * @param retainedBytes heap the agent's timeline, roll-up and latest report hold (measured, see README)
 * @param retainedFractionOfMaxHeap {@code retainedBytes} as a share of the maximum heap
 * @param recent the cost over the most recent period, which the budget is held to
 * @param budget the overhead budget and what the agent lowered to keep it
 * @param jfrChunkRotations JFR chunks the agent ended so that its stream's parser lets go of the
 *     stack traces it holds (added within schema 1)
 * @param jfrParserStackBytes estimated heap JFR's stream parser held in stack traces when the agent
 *     last ended a chunk (added within schema 1)
 * @param jfrAllocationSamplesLowered how the agent lowered JFR's allocation sampling because those
 *     stacks came faster than chunks could be ended; null when it did not (added within schema 1)
 * @param classCount classes the agent's own class loader defined, hidden ones included; null where
 *     not measured (added within schema 1)
 * @param classMetaspaceBytes metaspace the agent's class loader holds for them, from the JVM's
 *     {@code VM.classloader_stats}; null where not measured (added within schema 1)
 */
public record AgentStats(
        String version,
        String mode,
        long uptimeMillis,
        long cpuTimeMillis,
        Double cpuFractionOfProcess,
        Double cpuFractionOfOneCore,
        long allocatedBytes,
        long eventsProcessed,
        long eventsDropped,
        long windowsAnalysed,
        String hostMetrics,
        Long jfrThreadsCpuTimeMillis,
        Double allocatedFractionOfProcess,
        Long retainedBytes,
        Double retainedFractionOfMaxHeap,
        RecentCost recent,
        OverheadBudget budget,
        Long jfrChunkRotations,
        Long jfrParserStackBytes,
        String jfrAllocationSamplesLowered,
        Long classCount,
        Long classMetaspaceBytes) {

    /**
     * What {@code retainedBytes} cannot see, said wherever it is shown: the agent's classes
     * ({@code classMetaspaceBytes}, where measured, shown beside it) and the JDK's stream parser (its
     * metadata, constant pools, the stacks of the chunk it reads) hold several times more (7 to 8 MB
     * more live heap in all in the runs measured, README "Overhead on real workloads"), and a reader
     * must not take the walk for the whole footprint.
     */
    public static final String RETAINED_LEAVES_OUT = "not counted: its classes and JFR's stream parser";

    /** Stats without self-accounting beyond the lifetime figures, as offline analysis has them. */
    public AgentStats(String version, String mode, long uptimeMillis, long cpuTimeMillis, Double cpuFractionOfProcess,
            Double cpuFractionOfOneCore, long allocatedBytes, long eventsProcessed, long eventsDropped, long windowsAnalysed,
            String hostMetrics) {
        this(version, mode, uptimeMillis, cpuTimeMillis, cpuFractionOfProcess, cpuFractionOfOneCore, allocatedBytes,
                eventsProcessed, eventsDropped, windowsAnalysed, hostMetrics, null, null, null, null, null, null, null, null, null, null,
                null);
    }
}
