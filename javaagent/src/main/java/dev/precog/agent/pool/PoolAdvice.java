package dev.precog.agent.pool;

import dev.precog.bootstrap.PoolHooks;
import java.util.concurrent.ThreadPoolExecutor;
import net.bytebuddy.asm.Advice;

/**
 * The code Byte Buddy inlines into {@link ThreadPoolExecutor}. Each piece only calls
 * {@link PoolHooks}, and {@code suppress} swallows anything thrown, so the pool behaves as before
 * whatever happens here.
 */
final class PoolAdvice {

    private PoolAdvice() {}

    /** {@code execute(Runnable)}: a task arrives. */
    static final class Execute {
        @Advice.OnMethodEnter(suppress = Throwable.class)
        static void enter(@Advice.This ThreadPoolExecutor pool, @Advice.Argument(0) Runnable task) {
            PoolHooks.submitted(pool, task);
        }
    }

    /** {@code addWorker(Runnable, boolean)}: a task may start at once on a new worker. */
    static final class AddWorker {
        @Advice.OnMethodExit(suppress = Throwable.class)
        static void exit(@Advice.This ThreadPoolExecutor pool, @Advice.Argument(0) Runnable firstTask,
                @Advice.Return boolean added) {
            PoolHooks.addedWorker(pool, firstTask, added);
        }
    }

    /** {@code getTask()}: a worker takes a task from the queue. */
    static final class GetTask {
        @Advice.OnMethodExit(suppress = Throwable.class)
        static void exit(@Advice.This ThreadPoolExecutor pool, @Advice.Return Runnable task) {
            PoolHooks.dequeued(pool, task);
        }
    }

    /** {@code runWorker(Worker)}: a worker thread starts. */
    static final class RunWorker {
        @Advice.OnMethodEnter(suppress = Throwable.class)
        static void enter(@Advice.This ThreadPoolExecutor pool) {
            PoolHooks.workerStarted(pool);
        }
    }

    /** {@code reject(Runnable)}: the pool refuses a task. */
    static final class Reject {
        @Advice.OnMethodEnter(suppress = Throwable.class)
        static void enter(@Advice.This ThreadPoolExecutor pool) {
            PoolHooks.rejected(pool);
        }
    }

    /** {@code remove(Runnable)}: a queued task is taken back. */
    static final class Remove {
        @Advice.OnMethodExit(suppress = Throwable.class)
        static void exit(@Advice.This ThreadPoolExecutor pool, @Advice.Return boolean removed) {
            PoolHooks.removed(pool, removed);
        }
    }
}
