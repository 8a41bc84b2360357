package dev.precog.agent;

import dev.precog.analyzer.evidence.Deadlock;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Asks the JVM for deadlocked threads once per window (ThreadMXBean.findDeadlockedThreads: one
 * short VM operation, monitors and j.u.c ownable synchronizers alike) and, only when there are
 * some, reads their lock information and top frames, split into cycles.
 */
final class DeadlockProbe {

    /** Top frames kept per deadlocked thread. */
    static final int STACK_FRAMES = 5;

    private final ThreadMXBean threads;
    private final AgentLog log;
    private boolean failed;

    DeadlockProbe(AgentLog log) {
        this.threads = ManagementFactory.getThreadMXBean();
        this.log = log;
    }

    /** The deadlocks now; empty when there are none or the JVM cannot say. Never throws. */
    List<Deadlock> find() {
        if (failed) {
            return List.of();
        }
        try {
            long[] ids = threads.isSynchronizerUsageSupported() ? threads.findDeadlockedThreads()
                    : threads.findMonitorDeadlockedThreads();
            if (ids == null || ids.length == 0) {
                return List.of();
            }
            return cycles(threads.getThreadInfo(ids, STACK_FRAMES));
        } catch (RuntimeException e) {
            // SecurityException or UnsupportedOperationException: say so once, then stop asking
            failed = true;
            log.error("deadlock detection unavailable", e);
            return List.of();
        }
    }

    /** Groups deadlocked threads into cycles by following each one's lock owner. */
    static List<Deadlock> cycles(ThreadInfo[] infos) {
        Map<Long, ThreadInfo> byId = new HashMap<>();
        for (ThreadInfo info : infos) {
            if (info != null) {
                byId.put(info.getThreadId(), info);
            }
        }
        List<Deadlock> out = new ArrayList<>();
        Set<Long> placed = new HashSet<>();
        for (ThreadInfo start : byId.values()) {
            if (placed.contains(start.getThreadId())) {
                continue;
            }
            // walk the owner chain until it repeats; the repeating part is the cycle
            List<ThreadInfo> path = new ArrayList<>();
            Set<Long> seen = new HashSet<>();
            ThreadInfo t = start;
            while (t != null && seen.add(t.getThreadId())) {
                path.add(t);
                t = byId.get(t.getLockOwnerId());
            }
            if (t == null) {
                continue; // waits on a deadlocked thread without being in a cycle itself
            }
            List<Deadlock.Waiter> cycle = new ArrayList<>();
            for (ThreadInfo member : path.subList(path.indexOf(t), path.size())) {
                if (placed.add(member.getThreadId())) {
                    cycle.add(waiter(member));
                }
            }
            if (cycle.size() >= 2) {
                out.add(new Deadlock(cycle));
            }
        }
        return out;
    }

    private static Deadlock.Waiter waiter(ThreadInfo info) {
        String lockClass = info.getLockInfo() == null ? null : info.getLockInfo().getClassName();
        return new Deadlock.Waiter(info.getThreadName(), lockClass, info.getLockOwnerName(), frames(info));
    }

    /** A thread's sampled stack as {@code Class.method:line} ({@code Class.method} when the line is unknown). */
    static List<String> frames(ThreadInfo info) {
        List<String> top = new ArrayList<>();
        for (StackTraceElement frame : info.getStackTrace()) {
            top.add(frame.getClassName() + "." + frame.getMethodName()
                    + (frame.getLineNumber() >= 0 ? ":" + frame.getLineNumber() : ""));
        }
        return top;
    }
}
