package dev.precog.agent.jmx;

/**
 * Precog's management interface, registered as {@value #OBJECT_NAME} in the platform MBean
 * server; readable from JConsole and from {@code precog-agent.jar status <pid>}.
 */
public interface PrecogMXBean {

    String OBJECT_NAME = "dev.precog:type=Precog";

    /** The heap-dump operation, as the report's {@code heapDumpSuggestion.mbeanOperation} names it. */
    String DUMP_HEAP_OPERATION = OBJECT_NAME + " dumpHeap()";

    /** One line: version, mode, uptime, windows analysed, problems if any. */
    String getStatus();

    String getVersion();

    /** "startup" or "attach". */
    String getMode();

    /** Absolute path of the JSON report file. */
    String getReportPath();

    /** When the report file was last written (ISO-8601), or null if never. */
    String getReportWrittenAt();

    FindingInfo[] getFindings();

    ForecastInfo[] getForecasts();

    /** The latest report as JSON, exactly as it would be written to the file. */
    String getReportJson();

    /** The agent's CPU time as a share of one core since it started. */
    double getAgentCpuFractionOfOneCore();

    /** The agent's CPU time as a share of the whole process's since it started; -1 if unknown. */
    double getAgentCpuFractionOfProcess();

    long getAgentAllocatedBytes();

    /**
     * Heap the agent's timeline, roll-up, open window, latest report and evidence hold, in bytes; -1 if not measured.
     * Not its classes nor JFR's stream parser, which hold more (README, "Overhead on real workloads").
     */
    long getAgentRetainedBytes();

    /** Classes the agent's own class loader defined, hidden ones included; -1 if not measured (README, "Its own cost"). */
    long getAgentClassCount();

    /** Metaspace the agent's class loader holds for its classes, in bytes; -1 if not measured. */
    long getAgentClassMetaspaceBytes();

    /** Estimated heap JFR's stream parser held in stack traces when the agent last ended a chunk, in bytes; -1 before the first. */
    long getJfrParserStackBytes();

    /** How the agent lowered JFR's allocation sampling because their stacks came faster than chunks end; null when it did not. */
    String getJfrAllocationSamplesLowered();

    /** CPU of the agent's threads and the JVM's JFR threads over the last minute, as a share of one core; -1 before then. */
    double getAgentRecentCpuFractionOfOneCore();

    /** Events per second the JFR stream delivered over the last minute; -1 before then. */
    double getJfrEventsPerSecond();

    /** The CPU the agent allows itself, as a share of one core (option overheadBudget). */
    double getOverheadBudgetFractionOfOneCore();

    /** 0 while sampling as configured; each level above lowers one more kind of sampling to keep the budget. */
    int getOverheadLevel();

    /** What the current overhead level lowers, one line each; empty at level 0. */
    String[] getOverheadActions();

    /** Why the agent is at its overhead level, with the share of one core it measured. */
    String getOverheadReason();

    long getEventsProcessed();

    long getEventsDropped();

    long getWindowsAnalysed();

    /** Writes the report file now; returns its path. */
    String writeReport();

    /**
     * Takes a heap dump of the live objects (after a full collection, which stops the JVM) to
     * the report's {@code heapDumpSuggestion.dumpPath}, numbered when that file exists, readable
     * by its owner only; returns the path written. Refused when the disk lacks room.
     */
    String dumpHeap();
}
