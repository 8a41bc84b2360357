package dev.precog.model;

/**
 * One thread pool over one window, from Precog's executor instrumentation: how busy its workers
 * were, how long its queue was, and how long tasks waited for a worker.
 *
 * @param poolId unique per pool within one JVM run
 * @param executorClass the pool's class (ThreadPoolExecutor or the application's subclass)
 * @param threadNamePrefix a worker's name without its trailing number, null before a worker took a task
 * @param submitter the first application frame that submitted work to the pool
 * @param taskClass the class of the task that waited longest, null when nothing waited
 * @param activeAverage workers running a task, averaged over the samples
 * @param queueAverage tasks waiting, averaged over the samples
 * @param queueMax most tasks waiting in one sample
 * @param queueRemainingCapacity the queue's free capacity at the last sample ({@code Integer.MAX_VALUE}: unbounded)
 * @param submitted tasks submitted during the window
 * @param started tasks that got a worker during the window
 * @param rejected tasks the pool refused during the window
 * @param waitingSeconds time tasks spent waiting for a worker during the window, summed over tasks
 * @param sampledSeconds the time the samples cover
 * @param samples how many samples were folded into this window
 */
public record PoolActivity(
        long poolId,
        String executorClass,
        String threadNamePrefix,
        String submitter,
        String taskClass,
        int corePoolSize,
        int maximumPoolSize,
        int poolSize,
        double activeAverage,
        double queueAverage,
        int queueMax,
        int queueRemainingCapacity,
        long submitted,
        long started,
        long rejected,
        double waitingSeconds,
        double sampledSeconds,
        int samples) {

    /** How the pool is named to an operator: its threads' prefix, else its class and id. */
    public String label() {
        return threadNamePrefix != null ? threadNamePrefix + "*" : executorClass + "#" + poolId;
    }

    /** Mean time a task waited for a worker (Little's law: waiting time over tasks started), in seconds. */
    public double meanWaitSeconds() {
        if (started > 0) {
            return waitingSeconds / started;
        }
        // nothing started while tasks waited: each waited at least the whole stretch
        return queueAverage > 0 ? sampledSeconds : 0;
    }

    /** Folds a later sample of the same pool into this one; identity fields come from the later one. */
    public PoolActivity plus(PoolActivity later) {
        int n = samples + later.samples;
        return new PoolActivity(poolId, later.executorClass, later.threadNamePrefix != null ? later.threadNamePrefix
                : threadNamePrefix, later.submitter != null ? later.submitter : submitter,
                later.taskClass != null ? later.taskClass : taskClass, later.corePoolSize, later.maximumPoolSize,
                later.poolSize, (activeAverage * samples + later.activeAverage * later.samples) / n,
                (queueAverage * samples + later.queueAverage * later.samples) / n, Math.max(queueMax, later.queueMax),
                later.queueRemainingCapacity, submitted + later.submitted, started + later.started,
                rejected + later.rejected, waitingSeconds + later.waitingSeconds, sampledSeconds + later.sampledSeconds, n);
    }
}
