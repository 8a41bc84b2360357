package dev.precog.agent;

import java.lang.management.ManagementFactory;
import java.lang.management.OperatingSystemMXBean;
import java.lang.management.ThreadMXBean;
import java.util.HashMap;
import java.util.Map;

/**
 * Reads what the agent costs: CPU time and allocation of its own threads, CPU time of the JVM's
 * JFR threads, and the whole process's CPU time and allocation to compare them with. Work the
 * agent causes in other threads (JFR events written by application threads, the pause of a class
 * histogram in the VM thread) is not counted.
 */
final class SelfMonitor {

    private final AgentThreads.Family threads;
    private final JfrThreadsCpu jfrThreads;
    private final ThreadMXBean threadBean = ManagementFactory.getThreadMXBean();
    /** Last CPU time and allocation seen per agent thread, so a thread that ended still counts. */
    private final Map<Long, long[]> lastSeen = new HashMap<>();

    SelfMonitor(AgentThreads.Family threads, JfrThreadsCpu jfrThreads) {
        this.threads = threads;
        this.jfrThreads = jfrThreads;
    }

    /** The counters now, with the JFR stream's deliveries and repository bytes passed in (-1: unknown). */
    synchronized CostReading read(Map<String, Long> jfrEvents, long jfrBytes) {
        long now = System.nanoTime();
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
        return new CostReading(now, cpu, jfrThreads.cpuNanos(now), allocated, processCpuNanos(), processAllocatedBytes(),
                jfrEvents, jfrBytes);
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

    /** Every thread's allocation since the JVM started, ended threads included (HotSpot keeps their total). */
    private long processAllocatedBytes() {
        if (threadBean instanceof com.sun.management.ThreadMXBean sun && sun.isThreadAllocatedMemorySupported()
                && sun.isThreadAllocatedMemoryEnabled()) {
            return sun.getTotalThreadAllocatedBytes();
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
}
