package dev.precog.bootstrap;

import java.lang.ref.WeakReference;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counters of one thread pool, updated by the instrumented pool on each task and read once a
 * period by the sampler. The pool is held weakly: an abandoned pool is not kept alive.
 *
 * <p>Each arrival (and each departure from the waiting tasks) is one add of a packed value: the
 * time in the upper {@value #TIME_BITS} bits and a count of one in the lower
 * {@value #COUNT_BITS}. One add per event means a reader never sees a task's count without its
 * time or the other way round; the sums wrap, and differences between two readings stay exact as
 * long as fewer than 2^{@value #COUNT_BITS} tasks arrive between them.
 */
public final class PoolStats {

    public static final int COUNT_BITS = 24;
    public static final int TIME_BITS = 64 - COUNT_BITS;
    public static final long COUNT_MASK = (1L << COUNT_BITS) - 1;
    /** Time is kept in units of 1024 ns (about a microsecond): fine enough for waits, and 40 bits last days. */
    public static final int TIME_SHIFT = 10;

    final WeakReference<ThreadPoolExecutor> pool;
    final int identityHash;
    /** Pools Precog itself created: tracked so they are found fast, never reported. */
    public final boolean ignored;
    public final long id;
    public final String submitter;

    final LongAdder arrivals = new LongAdder();
    final LongAdder departures = new LongAdder();
    final LongAdder started = new LongAdder();
    final LongAdder rejected = new LongAdder();
    volatile String workerName;

    /** The sampler's state, touched only by the (single) sampling thread. */
    public boolean sampled;
    public long sampledAt;
    public long sampledArrivals;
    public long sampledDepartures;
    public long sampledStarted;
    public long sampledRejected;
    public long waiting;
    public long lastQueueGap;

    PoolStats(ThreadPoolExecutor pool, int identityHash, long id, boolean ignored, String submitter) {
        this.pool = new WeakReference<>(pool);
        this.identityHash = identityHash;
        this.id = id;
        this.ignored = ignored;
        this.submitter = submitter;
    }

    /** One event at {@code nanos}, packed as described above. */
    static long packed(long nanos) {
        return ((nanos >>> TIME_SHIFT) << COUNT_BITS) + 1;
    }

    /** The pool, or null once it was collected. */
    public ThreadPoolExecutor pool() {
        return pool.get();
    }

    public String workerName() {
        return workerName;
    }

    /** Packed sum of all arrivals so far. */
    public long arrivals() {
        return arrivals.sum();
    }

    /** Packed sum of all departures from the waiting tasks so far (started, rejected or removed). */
    public long departures() {
        return departures.sum();
    }

    /** Tasks that got a worker so far. */
    public long started() {
        return started.sum();
    }

    public long rejected() {
        return rejected.sum();
    }
}
