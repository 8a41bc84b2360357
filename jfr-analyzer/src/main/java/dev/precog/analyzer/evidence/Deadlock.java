package dev.precog.analyzer.evidence;

import java.util.List;

/**
 * One cycle of threads each waiting for a lock the next one holds.
 *
 * @param threads the threads of the cycle, each with what it waits for
 */
public record Deadlock(List<Waiter> threads) {

    public Deadlock {
        threads = List.copyOf(threads);
    }

    /**
     * A deadlocked thread.
     *
     * @param thread the thread's name
     * @param lockClass the class of the monitor or j.u.c synchronizer it waits for
     * @param heldBy the name of the thread holding that lock
     * @param stackTop its top frames, innermost first ({@code Class.method:line}); may be empty
     */
    public record Waiter(String thread, String lockClass, String heldBy, List<String> stackTop) {

        public Waiter {
            stackTop = List.copyOf(stackTop);
        }
    }

    /** The threads' names, sorted: the cycle's identity whichever thread is listed first. */
    public List<String> threadNames() {
        return threads.stream().map(Waiter::thread).sorted().toList();
    }
}
