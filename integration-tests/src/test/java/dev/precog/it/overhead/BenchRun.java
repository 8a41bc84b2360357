package dev.precog.it.overhead;

import java.util.Map;

/**
 * One run of one workload in one variant, in a fresh JVM, as kept in docs/overhead.json.
 *
 * @param round the round (1-based); runs of one round and workload are compared with each other
 * @param position where the run came in its round's random order of variants (1-based)
 * @param work units of work done in the measured phase
 * @param seconds wall time of the measured phase
 * @param cpuSeconds CPU time of the whole process in the measured phase
 * @param heapAfterGcBytes heap used after full collections at the end, once the workload's data is garbage
 * @param nonHeapBytes non-heap used at the end (metaspace, code cache)
 * @param rssBytes resident set at the end (the whole heap is pre-touched)
 * @param agent the agent's own account from its last report; null without the agent
 * @param details the workload's other numbers (each compile's time, failed transactions)
 * @param note what went wrong, empty when nothing did
 */
record BenchRun(String workload, String variant, int round, int position, double work, double seconds, double cpuSeconds,
        long heapAfterGcBytes, long nonHeapBytes, long rssBytes, double jvmSeconds, AgentCost agent, Map<String, Double> details,
        String note) {

    boolean ok() {
        return note.isEmpty() && work > 0 && seconds > 0;
    }

    /** Units of work per second of the measured phase. */
    double throughput() {
        return work / seconds;
    }

    /** CPU milliseconds of the whole process per unit of work. */
    double cpuMillisPerUnit() {
        return cpuSeconds * 1000 / work;
    }

    /** The agent's threads' share of the process's CPU in the measured phase, from the workload's side; NaN where not recorded. */
    double agentShareOfMeasuredCpu() {
        Double agent = details.get("agentCpuSeconds");
        return agent != null && cpuSeconds > 0 ? agent / cpuSeconds : Double.NaN;
    }

    /** The same in the first compile of a cold JVM; NaN where there was no other compile or it was not recorded. */
    double agentShareOfColdCpu() {
        Double agent = details.get("compile1AgentCpuSeconds");
        Double cpu = details.get("compile1CpuSeconds");
        return hasColdCompile() && agent != null && cpu != null && cpu > 0 ? agent / cpu : Double.NaN;
    }

    /** Whether the run compiled more than once, so its first compile (the cold JVM's) is not the measured one. */
    boolean hasColdCompile() {
        return details.containsKey("compile2Seconds");
    }

    /** Units of work per second of the first compile, the cold JVM's; NaN where there was no other. */
    double coldThroughput() {
        return hasColdCompile() ? coldWork() / details.get("compile1Seconds") : Double.NaN;
    }

    /**
     * Units of work per second from the JVM's launch to the end of its first compile: what a build
     * that forks javac waits for, the JVM's, plain JFR's or the agent's start-up included (plain JFR
     * starts before main, the agent mostly after); NaN where not recorded.
     */
    double launchToColdThroughput() {
        Double seconds = details.get("compile1EndSinceLaunchSeconds");
        return hasColdCompile() && seconds != null && seconds > 0 ? coldWork() / seconds : Double.NaN;
    }

    /** The work of one compile: the measured phase may hold several (runs before 2026-12-04 measured one). */
    private double coldWork() {
        Double files = details.get("compileFiles");
        return files != null ? files : work;
    }

    /** CPU milliseconds of the whole process per unit of work in the first compile; NaN where not recorded. */
    double coldCpuMillisPerUnit() {
        Double cpu = details.get("compile1CpuSeconds");
        return hasColdCompile() && cpu != null ? cpu * 1000 / coldWork() : Double.NaN;
    }
}
