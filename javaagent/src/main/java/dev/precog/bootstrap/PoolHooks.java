package dev.precog.bootstrap;

import java.util.concurrent.ThreadPoolExecutor;

/**
 * What the instrumented {@link ThreadPoolExecutor} calls: a task submitted, a task leaving the
 * queue for a worker (or going straight to a new one), a task rejected or removed. Each call is a
 * lock-free table lookup, a clock read and one or two adds; nothing here throws into the pool. A
 * pool's first task also registers it (a short lock and one stack walk).
 *
 * <p>Time is kept as sums of timestamps: the total time tasks waited between two moments follows
 * from the sums of arrival and departure times and the number of tasks waiting, whatever order
 * the queue serves them in, so no per-task state is needed (see {@link PoolStats}).
 */
public final class PoolHooks {

    private static final long ORIGIN = System.nanoTime();
    private static final PoolTable TABLE = new PoolTable();
    private static volatile boolean enabled;

    private PoolHooks() {}

    public static void enable() {
        enabled = true;
    }

    public static void disable() {
        enabled = false;
    }

    /** Nanoseconds on the clock the hooks stamp tasks with. */
    public static long now() {
        return System.nanoTime() - ORIGIN;
    }

    /** The tracked pools, including ignored and collected ones; for the sampler. */
    public static PoolStats[] pools() {
        return TABLE.snapshot();
    }

    /** Forgets collected and terminated pools. */
    public static void expunge() {
        TABLE.expunge();
    }

    /** {@code execute(task)} was entered. */
    public static void submitted(ThreadPoolExecutor pool, Runnable task) {
        try {
            doSubmitted(pool, task);
        } catch (Throwable t) {
            // never into the pool: a lost count is better than a failed task
        }
    }

    private static void doSubmitted(ThreadPoolExecutor pool, Runnable task) {
        if (!enabled || task == null) {
            return;
        }
        PoolStats s = TABLE.find(pool);
        if (s == null) {
            s = TABLE.register(pool);
        }
        if (s != null && !s.ignored) {
            s.arrivals.add(PoolStats.packed(now()));
        }
    }

    /** {@code addWorker(firstTask, core)} returned: a task handed to a new worker never queued. */
    public static void addedWorker(ThreadPoolExecutor pool, Runnable firstTask, boolean added) {
        try {
            doAddedWorker(pool, firstTask, added);
        } catch (Throwable t) {
            // never into the pool: a lost count is better than a failed task
        }
    }

    private static void doAddedWorker(ThreadPoolExecutor pool, Runnable firstTask, boolean added) {
        if (!enabled || !added || firstTask == null) {
            return;
        }
        PoolStats s = leave(pool);
        if (s != null) {
            s.started.increment();
        }
    }

    /** {@code getTask()} returned in a worker: a task left the queue. */
    public static void dequeued(ThreadPoolExecutor pool, Runnable task) {
        try {
            doDequeued(pool, task);
        } catch (Throwable t) {
            // never into the pool: a lost count is better than a failed task
        }
    }

    private static void doDequeued(ThreadPoolExecutor pool, Runnable task) {
        if (!enabled || task == null) {
            return;
        }
        PoolStats s = leave(pool);
        if (s == null) {
            return;
        }
        s.started.increment();
        // workers that started before Precog did (dynamic attach) are named here, on their next task
        if (s.workerName == null) {
            s.workerName = Thread.currentThread().getName();
        }
    }

    /** {@code runWorker(w)} was entered: a new worker thread starts; its name tells the pool's threads. */
    public static void workerStarted(ThreadPoolExecutor pool) {
        try {
            doWorkerStarted(pool);
        } catch (Throwable t) {
            // never into the pool: a lost count is better than a failed task
        }
    }

    private static void doWorkerStarted(ThreadPoolExecutor pool) {
        if (!enabled) {
            return;
        }
        PoolStats s = TABLE.find(pool);
        if (s != null && s.workerName == null) {
            s.workerName = Thread.currentThread().getName();
        }
    }

    /** {@code reject(task)} was entered. */
    public static void rejected(ThreadPoolExecutor pool) {
        try {
            doRejected(pool);
        } catch (Throwable t) {
            // never into the pool: a lost count is better than a failed task
        }
    }

    private static void doRejected(ThreadPoolExecutor pool) {
        if (!enabled) {
            return;
        }
        PoolStats s = leave(pool);
        if (s != null) {
            s.rejected.increment();
        }
    }

    /** {@code remove(task)} returned. */
    public static void removed(ThreadPoolExecutor pool, boolean removed) {
        try {
            doRemoved(pool, removed);
        } catch (Throwable t) {
            // never into the pool: a lost count is better than a failed task
        }
    }

    private static void doRemoved(ThreadPoolExecutor pool, boolean removed) {
        if (enabled && removed) {
            leave(pool);
        }
    }

    /** A task stops waiting: it got a worker, or was rejected or taken back. */
    private static PoolStats leave(ThreadPoolExecutor pool) {
        PoolStats s = TABLE.find(pool);
        if (s == null || s.ignored) {
            return null;
        }
        s.departures.add(PoolStats.packed(now()));
        return s;
    }
}
