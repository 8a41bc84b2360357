package dev.precog.bootstrap;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Enabled;
import jdk.jfr.Event;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.Period;
import jdk.jfr.StackTrace;
import jdk.jfr.Timespan;

/**
 * One thread pool's state and throughput over the last period, written by Precog's executor
 * instrumentation so that a recording analysed offline has it too.
 */
@Name(ThreadPoolEvent.NAME)
@Label("Thread Pool")
@Category({"Precog", "Thread Pools"})
@Description("A ThreadPoolExecutor's workers, queue and the time tasks waited for a worker, per period")
@Period("1 s")
@Enabled(true)
@StackTrace(false)
public final class ThreadPoolEvent extends Event {

    public static final String NAME = "precog.ThreadPool";

    @Label("Pool Id")
    @Description("Unique per pool within one JVM run")
    public long poolId;

    @Label("Executor Class")
    public String executorClass;

    @Label("Thread Name Prefix")
    @Description("A worker's name without its trailing number")
    public String threadNamePrefix;

    @Label("Submitted From")
    @Description("The first application frame that submitted work to the pool")
    public String submitter;

    @Label("Task Class")
    @Description("The class of the task waiting longest, unwrapped from FutureTask and CompletableFuture")
    public String taskClass;

    @Label("Core Pool Size")
    public int corePoolSize;

    @Label("Maximum Pool Size")
    public int maximumPoolSize;

    @Label("Pool Size")
    public int poolSize;

    @Label("Active Threads")
    public int activeCount;

    @Label("Queue Size")
    public int queueSize;

    @Label("Queue Remaining Capacity")
    public int queueRemainingCapacity;

    @Label("Tasks Submitted")
    public long submitted;

    @Label("Tasks Started")
    @Description("Tasks that left the queue for a worker, or started at once on a new worker")
    public long started;

    @Label("Tasks Rejected")
    public long rejected;

    @Label("Waiting Time")
    @Description("Time tasks spent waiting for a worker during the period, summed over tasks")
    @Timespan(Timespan.NANOSECONDS)
    public long waitingNanos;

    @Label("Interval")
    @Timespan(Timespan.NANOSECONDS)
    public long intervalNanos;
}
