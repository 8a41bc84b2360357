package dev.precog.bench;

import dev.precog.agent.pool.ExecutorInstrumentation;
import dev.precog.bootstrap.PoolHooks;
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
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What the executor instrumentation adds to each task, on its own: the hook for the task's
 * arrival and the one for its departure from the queue, as the instrumented pool calls them
 * (a registered pool: table lookup, clock read, two adds each). {@code baseline} is the same
 * loop without them.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(2)
@State(Scope.Benchmark)
public class PoolHooksBenchmark {

    private ExecutorInstrumentation instrumentation;
    private ThreadPoolExecutor pool;
    private final Runnable task = () -> { };

    @Setup(Level.Trial)
    public void install() throws Exception {
        instrumentation = ExecutorInstrumentation.install(ByteBuddyAgent.install());
        pool = new ThreadPoolExecutor(1, 1, 1, TimeUnit.MINUTES, new LinkedBlockingQueue<>());
        PoolHooks.submitted(pool, task); // registers the pool, as its first real task would
    }

    @TearDown(Level.Trial)
    public void uninstall() {
        pool.shutdown();
        instrumentation.close();
    }

    @Benchmark
    public void baseline() {
        // nothing: the cost of the benchmark loop itself
    }

    @Benchmark
    public void arrivalAndDeparture() {
        PoolHooks.submitted(pool, task);
        PoolHooks.dequeued(pool, task);
    }

    @Benchmark
    @Threads(2)
    public void arrivalAndDepartureFromTwoThreads() {
        PoolHooks.submitted(pool, task);
        PoolHooks.dequeued(pool, task);
    }
}
