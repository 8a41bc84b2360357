package dev.precog.bench;

import dev.precog.agent.pool.ExecutorInstrumentation;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import net.bytebuddy.agent.ByteBuddyAgent;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * A task's whole trip through a real ThreadPoolExecutor (submit, queue, a worker runs it), with
 * and without Precog's instrumentation: the per-task cost as an application sees it, for empty
 * tasks (the worst case: nothing but the pool's own work) and for tasks doing a few microseconds
 * of work. Tasks go in batches of {@value #BATCH}; the score is per task.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 10, time = 1)
@Fork(3)
@State(Scope.Benchmark)
public class ThreadPoolRoundTripBenchmark {

    static final int BATCH = 1000;

    @Param({"plain", "instrumented"})
    public String mode;

    /** Work per task in JMH's CPU tokens: 0 is an empty task, 1000 a few microseconds. */
    @Param({"0", "1000"})
    public int work;

    private ExecutorInstrumentation instrumentation;
    private ThreadPoolExecutor pool;

    @Setup(Level.Trial)
    public void start() throws Exception {
        if (mode.equals("instrumented")) {
            instrumentation = ExecutorInstrumentation.install(ByteBuddyAgent.install());
        }
        pool = new ThreadPoolExecutor(2, 2, 1, TimeUnit.MINUTES, new LinkedBlockingQueue<>());
        pool.prestartAllCoreThreads();
    }

    @TearDown(Level.Trial)
    public void stop() {
        pool.shutdown();
        if (instrumentation != null) {
            instrumentation.close();
        }
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public void submitAndRun() throws InterruptedException {
        CountDownLatch done = new CountDownLatch(BATCH);
        int tokens = work;
        Runnable task = () -> {
            Blackhole.consumeCPU(tokens);
            done.countDown();
        };
        for (int i = 0; i < BATCH; i++) {
            pool.execute(task);
        }
        done.await();
    }
}
