package dev.precog.it.overhead;

import java.util.List;

/**
 * Everything one JDK's benchmark produced, as kept in docs/overhead.json: the conditions, the
 * command and the raw runs. A later run on the same JDK replaces it; other JDKs' stay.
 */
record JdkResults(String jdk, String javaVersion, String startedAt, String finishedAt, String command, BenchSettings settings,
        List<String> workloadDescriptions, MachineConditions machine, List<BenchRun> runs, List<StartupRun> startupRuns) {}
