package dev.precog.agent;

import java.time.Duration;
import java.util.concurrent.ThreadFactory;

/**
 * Runs one step of the agent's shutdown on a daemon thread and waits for it at most a set time. A
 * shutdown hook that never returns keeps the whole JVM from exiting, and some JFR calls can block
 * for good at exit: a chunk being ended (or a stream closed) while JFR's own shutdown hook tears the
 * recorder down waits for a recorder thread that is gone (JDK-8373439, fixed only in later JDKs).
 * Left behind, the daemon thread dies with the JVM.
 */
final class BoundedStep {

    private BoundedStep() {}

    /** Runs {@code step} on a thread of {@code threads}; true when it ended within {@code ceiling}. */
    static boolean runWithin(Runnable step, Duration ceiling, ThreadFactory threads) {
        Thread t = threads.newThread(step);
        t.start();
        try {
            t.join(Math.max(1, ceiling.toMillis()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return !t.isAlive();
    }
}
