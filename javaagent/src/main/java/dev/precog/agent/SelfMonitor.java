package dev.precog.agent;

import java.lang.management.ManagementFactory;
import java.lang.management.OperatingSystemMXBean;
import java.lang.management.ThreadMXBean;
import java.util.HashMap;
import java.util.Map;

/**
 * Measures what the agent costs: CPU time and allocation of its own threads, compared with the
 * whole process's CPU time and with one core over the agent's lifetime.
 */
final class SelfMonitor {

    private final AgentThreads.Family threads;
    private final ThreadMXBean threadBean = ManagementFactory.getThreadMXBean();
    private final long startNanos = System.nanoTime();
    private final long processCpuAtStart;
    /** Last CPU time and allocation seen per agent thread, so a thread that ended still counts. */
    private final Map<Long, long[]> lastSeen = new HashMap<>();

    SelfMonitor(AgentThreads.Family threads) {
        this.threads = threads;
        this.processCpuAtStart = processCpuNanos();
    }

    /** The agent's cost so far. */
    synchronized Cost measure() {
        for (Thread t : threads.alive()) {
            long[] last = lastSeen.computeIfAbsent(t.getId(), id -> new long[2]);
            last[0] = Math.max(last[0], threadCpuNanos(t));
            last[1] = Math.max(last[1], allocatedBytes(t));
        }
        long cpu = 0;
        long allocated = 0;
        for (long[] last : lastSeen.values()) {
            cpu += last[0];
            allocated += last[1];
        }
        long wall = System.nanoTime() - startNanos;
        long process = processCpuNanos() - processCpuAtStart;
        Double ofProcess = process > 0 ? Math.min(1.0, (double) cpu / process) : null;
        Double ofOneCore = wall > 0 ? (double) cpu / wall : null;
        return new Cost(cpu / 1_000_000, ofProcess, ofOneCore, allocated, wall / 1_000_000);
    }

    private long threadCpuNanos(Thread t) {
        try {
            return threadBean.isThreadCpuTimeSupported() ? threadBean.getThreadCpuTime(t.getId()) : -1;
        } catch (UnsupportedOperationException e) {
            return -1;
        }
    }

    private long allocatedBytes(Thread t) {
        if (threadBean instanceof com.sun.management.ThreadMXBean sun && sun.isThreadAllocatedMemorySupported()) {
            return sun.getThreadAllocatedBytes(t.getId());
        }
        return -1;
    }

    private static long processCpuNanos() {
        OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
        if (os instanceof com.sun.management.OperatingSystemMXBean sun) {
            return sun.getProcessCpuTime();
        }
        return -1;
    }

    /** CPU in milliseconds, fractions, allocated bytes, and how long the agent has run. */
    record Cost(long cpuMillis, Double fractionOfProcess, Double fractionOfOneCore, long allocatedBytes, long uptimeMillis) {}
}
