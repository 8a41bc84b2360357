package dev.precog.agent;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The one source of the agent's threads: daemons named {@code precog-…}, without the
 * application's context class loader, each remembered so the agent can measure its own cost.
 */
final class AgentThreads implements ThreadFactory {

    private final String name;
    private final AtomicInteger count = new AtomicInteger();
    private final List<Thread> created;
    private final AgentLog log;

    private AgentThreads(String name, List<Thread> created, AgentLog log) {
        this.name = name;
        this.created = created;
        this.log = log;
    }

    /** A family of factories sharing one list of created threads. */
    static Family family(AgentLog log) {
        return new Family(new CopyOnWriteArrayList<>(), log);
    }

    @Override
    public Thread newThread(Runnable task) {
        int n = count.incrementAndGet();
        Thread t = new Thread(task, n == 1 ? "precog-" + name : "precog-" + name + "-" + n);
        t.setDaemon(true);
        t.setContextClassLoader(null);
        t.setUncaughtExceptionHandler(new LoggingHandler(log));
        created.add(t);
        return t;
    }

    /** Logs what escaped an agent thread (a class, not a lambda: the first thread is made in premain). */
    private record LoggingHandler(AgentLog log) implements Thread.UncaughtExceptionHandler {

        @Override
        public void uncaughtException(Thread thread, Throwable e) {
            log.error("uncaught in " + thread.getName(), e);
        }
    }

    /** Factories whose threads are all accounted together. */
    record Family(List<Thread> threads, AgentLog log) {

        ThreadFactory named(String name) {
            return new AgentThreads(name, threads, log);
        }

        /** The live threads created so far. */
        List<Thread> alive() {
            threads.removeIf(t -> t.getState() == Thread.State.TERMINATED);
            return List.copyOf(threads);
        }
    }
}
