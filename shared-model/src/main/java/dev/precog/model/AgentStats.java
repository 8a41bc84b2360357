package dev.precog.model;

/**
 * The agent's own cost: CPU time of its threads, what they allocated, events it folded and
 * events it dropped to stay bounded. Fractions are null where they cannot be measured (offline).
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
        String hostMetrics) {}
