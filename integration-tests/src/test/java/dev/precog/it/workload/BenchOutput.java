package dev.precog.it.workload;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * What an overhead-benchmark workload tells the parent: one {@code precog-bench key=value} line
 * per measurement on stdout, and the process's CPU time and memory, read the same way in every
 * variant.
 */
public final class BenchOutput {

    static final String PREFIX = "precog-bench ";

    /** The system property in which the benchmark passes the wall-clock moment it launched this JVM. */
    public static final String LAUNCHED_AT_PROPERTY = "precog.bench.launchedAtMillis";

    private BenchOutput() {}

    static void put(String key, Object value) {
        System.out.println(PREFIX + key + "=" + (value instanceof Double d ? String.format(Locale.ROOT, "%.6f", d) : value));
    }

    /**
     * Seconds since the benchmark launched this JVM (the JVM's own start-up, plain JFR's or the
     * agent's included), or NaN when it did not say. Parent and child read the same wall clock.
     */
    static double secondsSinceLaunch() {
        String launched = System.getProperty(LAUNCHED_AT_PROPERTY);
        return launched == null ? Double.NaN : (System.currentTimeMillis() - Long.parseLong(launched)) / 1e3;
    }

    /** CPU time of the whole process (all its threads, the agent's too), in seconds. */
    static double processCpuSeconds() {
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        return os.getProcessCpuTime() / 1e9;
    }

    /**
     * CPU time so far of each live thread the agent started (named {@code precog-...}), in
     * nanoseconds by thread id; empty without the agent. Read the same way in every variant.
     */
    static Map<Long, Long> agentThreadsCpu() {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        Map<Long, Long> cpu = new HashMap<>();
        for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (info != null && info.getThreadName().startsWith("precog-")) {
                long t = threads.getThreadCpuTime(info.getThreadId());
                if (t >= 0) {
                    cpu.put(info.getThreadId(), t);
                }
            }
        }
        return cpu;
    }

    /** CPU seconds the agent's threads used since {@code before} ({@link #agentThreadsCpu()}); a thread new since counts whole. */
    static double agentThreadsCpuSecondsSince(Map<Long, Long> before) {
        long sum = 0;
        for (Map.Entry<Long, Long> now : agentThreadsCpu().entrySet()) {
            sum += now.getValue() - before.getOrDefault(now.getKey(), 0L);
        }
        return sum / 1e9;
    }

    /**
     * The memory the process keeps once the workload's own data is garbage: heap used after full
     * collections (G1 runs System.gc() as a full one) repeated until the heap stops shrinking,
     * non-heap used (metaspace, code cache) and the resident set. Two collections back to back were
     * not enough: garbage a later collection freed (most likely waiting for a cleaner) outlived
     * them in some runs, by 2 MB without an agent and 8 MB with Precog. With
     * -Xms equal to -Xmx and -XX:+AlwaysPreTouch the whole heap is resident from the start, so the
     * resident set differs between variants only by memory outside the heap; objects on the heap
     * show in heapAfterGc instead.
     */
    static void putMemory() {
        settle();
        var memory = ManagementFactory.getMemoryMXBean();
        put("heapAfterGcBytes", memory.getHeapMemoryUsage().getUsed());
        put("nonHeapBytes", memory.getNonHeapMemoryUsage().getUsed());
        put("rssBytes", ProcFields.bytes("/proc/self/status", "VmRSS"));
    }

    /** Collects until the heap stops shrinking: what a cleaner releases is freed by the collection after it ran. */
    private static void settle() {
        var memory = ManagementFactory.getMemoryMXBean();
        long before = Long.MAX_VALUE;
        for (int i = 0; i < 10; i++) {
            System.gc();
            long used = memory.getHeapMemoryUsage().getUsed();
            if (used >= before - (before >> 8)) {
                return;
            }
            before = used;
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
