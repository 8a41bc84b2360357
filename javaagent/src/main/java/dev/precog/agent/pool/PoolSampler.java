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
            try {
                ThreadPoolExecutor pool = s.pool();
                if (!s.ignored && pool != null && !pool.isTerminated()) {
                    emit(s, pool, now);
                }
            } catch (RuntimeException e) {
                // an application's own queue or pool subclass may throw from size() or peek(); JFR
                // would log an escaping exception on stderr, so this pool skips one period instead
            }
        }
        PoolHooks.expunge();
    }

    private void emit(PoolStats s, ThreadPoolExecutor pool, long now) {
        BlockingQueue<Runnable> queue = pool.getQueue();
        // departures first: a task counted as departed has then surely been counted as arrived
        long departures = s.departures();
        long arrivals = s.arrivals();
        int queueSize = queue.size();
        long started = s.started();
        long rejected = s.rejected();
        long arrived = (arrivals - s.sampledArrivals) & PoolStats.COUNT_MASK;
        long departed = (departures - s.sampledDepartures) & PoolStats.COUNT_MASK;
        long waitingBefore = s.waiting;
        long waitingNow = waitingBefore + arrived - departed;
        long waitedUnits = waitedUnits(arrivals - s.sampledArrivals, departures - s.sampledDepartures, waitingBefore,
                waitingNow, s.sampledAt, now);
        boolean first = !s.sampled;
        long interval = now - s.sampledAt;
        long startedInPeriod = started - s.sampledStarted;
        long rejectedInPeriod = rejected - s.sampledRejected;
        s.sampled = true;
        s.sampledAt = now;
        s.sampledArrivals = arrivals;
        s.sampledDepartures = departures;
        s.sampledStarted = started;
        s.sampledRejected = rejected;
        s.waiting = waitingNow + reconcile(s, waitingNow, queueSize);
        if (first) {
            return; // the period since the pool's first task is of unknown length
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
        e.submitted = arrived;
        e.started = startedInPeriod;
        e.rejected = rejectedInPeriod;
        e.waitingNanos = Math.max(0, waitedUnits) << PoolStats.TIME_SHIFT;
        e.intervalNanos = interval;
        e.commit();
    }

    /**
     * Time the tasks waited during a period, in the hooks' time units: each task that left
     * waited (left − arrived), each still waiting (now − arrived), which sums to
     * Σleft − Σarrived + waitingNow·now − waitingBefore·before over the period's events. Computed
     * modulo 2^{@value PoolStats#TIME_BITS} units, like the packed sums, and read back as a signed
     * number: exact while a period holds less than days of waiting.
     *
     * @param arrivalDelta packed sum of the period's arrivals
     * @param departureDelta packed sum of the period's departures
     */
    static long waitedUnits(long arrivalDelta, long departureDelta, long waitingBefore, long waitingNow, long beforeNanos,
            long nowNanos) {
        long arrivedTime = (arrivalDelta - (arrivalDelta & PoolStats.COUNT_MASK)) >>> PoolStats.COUNT_BITS;
        long departedTime = (departureDelta - (departureDelta & PoolStats.COUNT_MASK)) >>> PoolStats.COUNT_BITS;
        long before = beforeNanos >>> PoolStats.TIME_SHIFT;
        long now = nowNanos >>> PoolStats.TIME_SHIFT;
        long wrapped = (departedTime - arrivedTime + waitingNow * now - waitingBefore * before) << PoolStats.COUNT_BITS;
        return wrapped >> PoolStats.COUNT_BITS;
    }

    /**
     * Tasks can enter or leave a queue behind the hooks' back (purge, shutdownNow, a rejection
     * handler that puts the task into the queue itself, tasks queued before Precog attached). When
     * the hooks' count of waiting tasks differs from the queue the same way twice running, the
     * difference is booked as arriving (or leaving) now, which adds no waiting time to the period
     * just measured; a one-off gap is a task between the two.
     *
     * @return the correction to the count of waiting tasks
     */
    static long reconcile(PoolStats s, long counted, int queueSize) {
        long gap = queueSize - counted;
        long previous = s.lastQueueGap;
        s.lastQueueGap = gap;
        if (gap == 0 || previous == 0 || Long.signum(gap) != Long.signum(previous)) {
            return 0;
        }
        long fix = Long.signum(gap) * Math.min(Math.abs(gap), Math.abs(previous));
        s.lastQueueGap = gap - fix;
        return fix;
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
