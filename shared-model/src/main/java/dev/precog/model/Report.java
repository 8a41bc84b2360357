package dev.precog.model;

import java.time.Instant;
import java.util.List;

/**
 * Everything Precog says about one JVM at one moment. Field names are a contract with other
 * tools: renaming or removing one requires bumping {@link #SCHEMA_VERSION}.
 */
public record Report(
        int schemaVersion,
        Instant generatedAt,
        JvmInfo jvm,
        HostInfo host,
        Analysis analysis,
        List<Finding> findings,
        List<Forecast> forecasts,
        HeapDumpSuggestion heapDumpSuggestion,
        AgentStats agent) {

    public static final int SCHEMA_VERSION = 1;

    public Report {
        findings = List.copyOf(findings);
        forecasts = List.copyOf(forecasts);
    }

    /**
     * What the report is based on: where the data came from, what stretch of time it covers, and
     * notes on anything that limited it (a damaged recording, a missing event source).
     */
    public record Analysis(String source, Instant from, Instant to, long windows, double windowSeconds, List<String> notes) {

        public Analysis {
            notes = List.copyOf(notes);
        }
    }
}
