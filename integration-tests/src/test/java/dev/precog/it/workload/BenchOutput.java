package dev.precog.it.workload;

import java.lang.management.ManagementFactory;
import java.util.Locale;

/**
 * What an overhead-benchmark workload tells the parent: one {@code precog-bench key=value} line
 * per measurement on stdout, and the process's CPU time and memory, read the same way in every
 * variant.
 */
final class BenchOutput {

    static final String PREFIX = "precog-bench ";

    private BenchOutput() {}

    static void put(String key, Object value) {
        System.out.println(PREFIX + key + "=" + (value instanceof Double d ? String.format(Locale.ROOT, "%.6f", d) : value));
    }

    /** CPU time of the whole process (all its threads, the agent's too), in seconds. */
    static double processCpuSeconds() {
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        return os.getProcessCpuTime() / 1e9;
    }

    /**
     * The memory the process keeps once the workload's own data is garbage: heap used after two
     * full collections (G1 runs System.gc() as a full one), non-heap used (metaspace, code cache)
     * and the resident set. With -Xms equal to -Xmx and -XX:+AlwaysPreTouch the whole heap is
     * resident from the start, so the resident set differs between variants only by memory
     * outside the heap; objects on the heap show in heapAfterGc instead.
     */
    static void putMemory() {
        System.gc();
        System.gc();
        var memory = ManagementFactory.getMemoryMXBean();
        put("heapAfterGcBytes", memory.getHeapMemoryUsage().getUsed());
        put("nonHeapBytes", memory.getNonHeapMemoryUsage().getUsed());
        put("rssBytes", ProcFields.bytes("/proc/self/status", "VmRSS"));
    }
}
