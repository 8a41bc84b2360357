package dev.precog.bootstrap;

import java.lang.ref.WeakReference;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counters of one thread pool, updated by the instrumented pool on each task and read once a
 * period by the sampler. The pool is held weakly: an abandoned pool is not kept alive.
 */
public final class PoolStats {

    final WeakReference<ThreadPoolExecutor> pool;
    final int identityHash;
    /** Pools Precog itself created: tracked so they are found fast, never reported. */
    public final boolean ignored;
    public final long id;
    public final String submitter;

    final LongAdder submitted = new LongAdder();
    final LongAdder submittedNanos = new LongAdder();
    final LongAdder left = new LongAdder();
    final LongAdder leftNanos = new LongAdder();
    final LongAdder rejected = new LongAdder();
    volatile String workerName;

    /** The sampler's state, touched only by the (single) sampling thread. */
    public long sampledAt;
    public long sampledSubmitted;
    public long sampledLeft;
    public long sampledRejected;
    public long sampledWaiting;
    public long countCorrection;
    public long nanosCorrection;
    public long lastQueueGap;

    PoolStats(ThreadPoolExecutor pool, int identityHash, long id, boolean ignored, String submitter) {
        this.pool = new WeakReference<>(pool);
        this.identityHash = identityHash;
        this.id = id;
        this.ignored = ignored;
        this.submitter = submitter;
    }

    void submit(long now) {
        submitted.increment();
        submittedNanos.add(now);
    }

    void leave(long now) {
        left.increment();
        leftNanos.add(now);
    }

    /** The pool, or null once it was collected. */
    public ThreadPoolExecutor pool() {
        return pool.get();
    }

    public String workerName() {
        return workerName;
    }

    public long submitted() {
        return submitted.sum();
    }

    public long submittedNanos() {
        return submittedNanos.sum();
    }

    public long left() {
        return left.sum();
    }

    public long leftNanos() {
        return leftNanos.sum();
    }

    public long rejected() {
        return rejected.sum();
    }
}
