package dev.precog.analyzer.evidence;

import java.util.List;

/**
 * Costly evidence gathered only once a detector has reported a problem, handed back to the
 * detectors: heap histograms or old-object samples for leaks, thread-name and class-loader
 * censuses for thread and metaspace leaks; the deadlocks the JVM itself found; the owners of
 * contended locks. A part not gathered is null (heap: {@link HeapEvidence#NONE}; deadlocks: empty;
 * lock holders: {@link LockHolders#NONE}).
 */
public record Evidence(HeapEvidence heap, CensusDiff threads, CensusDiff classLoaders, List<Deadlock> deadlocks,
        LockHolders lockHolders) {

    public static final Evidence NONE = new Evidence(HeapEvidence.NONE, null, null, List.of(), LockHolders.NONE);

    public Evidence {
        deadlocks = List.copyOf(deadlocks);
    }

    public Evidence withHeap(HeapEvidence h) {
        return new Evidence(h, threads, classLoaders, deadlocks, lockHolders);
    }

    public Evidence withThreads(CensusDiff t) {
        return new Evidence(heap, t, classLoaders, deadlocks, lockHolders);
    }

    public Evidence withClassLoaders(CensusDiff c) {
        return new Evidence(heap, threads, c, deadlocks, lockHolders);
    }

    public Evidence withDeadlocks(List<Deadlock> d) {
        return new Evidence(heap, threads, classLoaders, d, lockHolders);
    }

    public Evidence withLockHolders(LockHolders h) {
        return new Evidence(heap, threads, classLoaders, deadlocks, h);
    }
}
