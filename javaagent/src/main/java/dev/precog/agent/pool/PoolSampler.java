package dev.precog.agent.pool;

import dev.precog.bootstrap.PoolHooks;
import dev.precog.bootstrap.PoolStats;
import dev.precog.bootstrap.ThreadPoolEvent;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;

/**
 * Writes one {@link ThreadPoolEvent} per tracked pool and period (JFR calls {@link #emit} once a
 * second): the pool's sizes read through its public API, and the counters the hooks kept.
 */
final class PoolSampler {

    private final TaskClasses taskClasses;

    PoolSampler(TaskClasses taskClasses) {
        this.taskClasses = taskClasses;
    }

    synchronized void emit() {
        long now = PoolHooks.now();
        for (PoolStats s : PoolHooks.pools()) {
            ThreadPoolExecutor pool = s.pool();
            if (s.ignored || pool == null || pool.isTerminated()) {
                continue;
            }
            try {
                emit(s, pool, now);
            } catch (RuntimeException e) {
                // an application's own queue or pool subclass may throw from size() or peek(); JFR
                // would log an escaping exception on stderr, so this pool skips one period instead
            }
        }
        PoolHooks.expunge();
    }

    private void emit(PoolStats s, ThreadPoolExecutor pool, long now) {
        BlockingQueue<Runnable> queue = pool.getQueue();
        int queueSize = queue.size();
        long submitted = s.submitted();
        long left = s.left();
        long rejected = s.rejected();
        reconcile(s, submitted - left, queueSize, now);
        long waiting = waitingArea(s, submitted, left, now);
        if (s.sampledAt == 0) {
            remember(s, now, submitted, left, rejected, waiting);
            return;
        }
        ThreadPoolEvent e = new ThreadPoolEvent();
        e.poolId = s.id;
        e.executorClass = pool.getClass().getName();
        e.threadNamePrefix = namePrefix(s.workerName());
        e.submitter = s.submitter;
        e.taskClass = taskClasses.nameOf(queue.peek());
        e.corePoolSize = pool.getCorePoolSize();
        e.maximumPoolSize = pool.getMaximumPoolSize();
        e.poolSize = pool.getPoolSize();
        e.activeCount = pool.getActiveCount();
        e.queueSize = queueSize;
        e.queueRemainingCapacity = queue.remainingCapacity();
        e.submitted = submitted - s.sampledSubmitted;
        e.started = left - s.sampledLeft;
        e.rejected = rejected - s.sampledRejected;
        e.waitingNanos = Math.max(0, waiting - s.sampledWaiting);
        e.intervalNanos = now - s.sampledAt;
        e.commit();
        remember(s, now, submitted, left, rejected, waiting);
    }

    private static void remember(PoolStats s, long now, long submitted, long left, long rejected, long waiting) {
        s.sampledAt = now;
        s.sampledSubmitted = submitted;
        s.sampledLeft = left;
        s.sampledRejected = rejected;
        s.sampledWaiting = waiting;
    }

    /**
     * Total time all tasks have waited so far: every departed task waited (left − arrived), every
     * waiting one (now − arrived), so the sum is Σleft − Σarrived + waiting·now. Overflowing sums
     * wrap, and the difference stays right.
     */
    static long waitingArea(PoolStats s, long submitted, long left, long now) {
        long arrivals = submitted + s.countCorrection;
        long arrivalNanos = s.submittedNanos() + s.nanosCorrection;
        return s.leftNanos() - arrivalNanos + (arrivals - left) * now;
    }

    /**
     * Tasks can enter or leave a queue behind the hooks' back (purge, shutdownNow, a rejection
     * handler that puts the task into the queue itself). When the hooks' count of waiting tasks
     * differs from the queue the same way twice running, the difference is booked as arriving
     * (or leaving) now, which adds no waiting time; a one-off gap is a task between the two.
     */
    static void reconcile(PoolStats s, long counted, int queueSize, long now) {
        long gap = queueSize - (counted + s.countCorrection);
        long previous = s.lastQueueGap;
        s.lastQueueGap = gap;
        if (gap == 0 || previous == 0 || Long.signum(gap) != Long.signum(previous)) {
            return;
        }
        long fix = Long.signum(gap) * Math.min(Math.abs(gap), Math.abs(previous));
        s.countCorrection += fix;
        s.nanosCorrection += fix * now;
        s.lastQueueGap = gap - fix;
    }

    /** {@code order-pool-7} becomes {@code order-pool-}: the name the pool's workers share. */
    static String namePrefix(String workerName) {
        if (workerName == null) {
            return null;
        }
        int end = workerName.length();
        while (end > 0 && Character.isDigit(workerName.charAt(end - 1))) {
            end--;
        }
        return end == 0 ? workerName : workerName.substring(0, end);
    }
}
