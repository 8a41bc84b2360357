package dev.precog.agent;

import dev.precog.analyzer.evidence.LockHolders;
import dev.precog.model.Finding;
import dev.precog.model.FindingKind;
import dev.precog.model.WaitSite;
import java.lang.management.LockInfo;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Samples who holds a contended lock. JFR records only a monitor's previous owner (and nothing for
 * java.util.concurrent locks), so while a LOCK_CONTENTION finding stands, once per window and at
 * most {@link #MAX_SAMPLES} times per lock, this asks ThreadMXBean which threads are blocked on
 * that lock class, who owns the instance most of them wait for, and what the owner is running.
 * Lock information without stacks for all threads, then the owners' stacks only: two short VM
 * operations. Samples are forgotten when the finding clears.
 */
final class LockHolderProbe {

    /** Samples per lock class: enough to see the usual holder, few enough to cost nothing. */
    static final int MAX_SAMPLES = 10;
    static final int STACK_FRAMES = 8;

    private final ThreadMXBean threads;
    private final AgentLog log;
    private final Map<String, Integer> samples = new HashMap<>();
    private final Map<String, Map<List<String>, Holder>> stacks = new HashMap<>();
    private boolean failed;

    LockHolderProbe(AgentLog log) {
        this.threads = ManagementFactory.getThreadMXBean();
        this.log = log;
    }

    /** The lock classes of the standing LOCK_CONTENTION findings. */
    static Set<String> wanted(List<Finding> findings) {
        Set<String> out = new LinkedHashSet<>();
        for (Finding f : findings) {
            // a pinned virtual thread has no lock owner to ask ThreadMXBean about
            if (f.kind() == FindingKind.LOCK_CONTENTION && !WaitSite.PINNED.equals(f.evidence().get("lockKind"))
                    && f.evidence().get("lockClass") instanceof String lockClass) {
                out.add(lockClass);
            }
        }
        return out;
    }

    /** Takes one sample for each wanted lock class still under its quota; returns all holders seen so far. Never throws. */
    LockHolders update(Set<String> lockClasses) {
        // a finding that cleared starts afresh if it comes back: old holders would be stale evidence
        samples.keySet().retainAll(lockClasses);
        stacks.keySet().retainAll(lockClasses);
        Set<String> due = new LinkedHashSet<>();
        for (String c : lockClasses) {
            if (samples.getOrDefault(c, 0) < MAX_SAMPLES) {
                due.add(c);
            }
        }
        if (!due.isEmpty() && !failed) {
            try {
                sample(due);
            } catch (RuntimeException e) {
                failed = true;
                log.error("lock owner sampling unavailable", e);
            }
        }
        return snapshot();
    }

    private void sample(Set<String> due) {
        // many instances of a lock class may be held at once: follow the one with the most waiters
        Map<String, Map<Integer, long[]>> instances = new HashMap<>();
        for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds(), 0)) {
            LockInfo lock = info == null ? null : info.getLockInfo();
            if (lock != null && due.contains(lock.getClassName()) && info.getLockOwnerId() >= 0) {
                long[] waitersAndOwner = instances.computeIfAbsent(lock.getClassName(), k -> new HashMap<>())
                        .computeIfAbsent(lock.getIdentityHashCode(), k -> new long[] {0, info.getLockOwnerId()});
                waitersAndOwner[0]++;
            }
        }
        Map<Long, String> ownerOf = new HashMap<>();
        instances.forEach((lockClass, byInstance) -> byInstance.values().stream()
                .max(Comparator.comparingLong((long[] w) -> w[0]))
                .ifPresent(w -> ownerOf.putIfAbsent(w[1], lockClass)));
        for (String c : due) {
            samples.merge(c, 1, Integer::sum);
        }
        if (ownerOf.isEmpty()) {
            return;
        }
        long[] ids = ownerOf.keySet().stream().mapToLong(Long::longValue).toArray();
        for (ThreadInfo owner : threads.getThreadInfo(ids, STACK_FRAMES)) {
            if (owner == null) {
                continue;
            }
            String lockClass = ownerOf.get(owner.getThreadId());
            stacks.computeIfAbsent(lockClass, k -> new HashMap<>())
                    .computeIfAbsent(List.copyOf(DeadlockProbe.frames(owner)), k -> new Holder()).seen(owner.getThreadName());
        }
    }

    private LockHolders snapshot() {
        Map<String, List<LockHolders.HolderStack>> out = new HashMap<>();
        stacks.forEach((lockClass, byStack) -> out.put(lockClass, byStack.entrySet().stream()
                .sorted(Comparator.comparingInt((Map.Entry<List<String>, Holder> e) -> e.getValue().count).reversed())
                .map(e -> new LockHolders.HolderStack(e.getValue().thread, e.getKey(), e.getValue().count))
                .toList()));
        return new LockHolders(samples, out);
    }

    private static final class Holder {
        String thread;
        int count;

        void seen(String name) {
            thread = name;
            count++;
        }
    }
}
