package dev.precog.analyzer.detect;

import dev.precog.model.PoolActivity;
import dev.precog.model.Suggestion;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** What to do about a starved pool, in order: the wait its workers are stuck in, its size, its queue. */
final class ThreadStarvationAdvice {

    private ThreadStarvationAdvice() {}

    static List<Suggestion> suggestions(PoolSummary pool, ThreadStarvationDetector.WorkerWait blockedOn, String pid) {
        PoolActivity last = pool.last();
        List<Suggestion> out = new ArrayList<>();
        double busy = pool.total().activeAverage();
        if (blockedOn != null && blockedOn.shareOf(busy) >= ThreadStarvationDetector.WORKERS_MOSTLY_BLOCKED) {
            out.add(new Suggestion(String.format(Locale.ROOT, "The workers wait rather than work: fix the %s on %s first",
                    blockedOn.site().kind(), blockedOn.site().resource()), null, String.format(Locale.ROOT,
                    "%.1f of %.1f busy workers are blocked there (p50 %.0f ms). More threads help only while %s has"
                            + " headroom; give the call a timeout, cache its answers, or move it to its own bounded pool",
                    blockedOn.workersBlocked(), busy, blockedOn.site().percentileMillis(50), blockedOn.site().resource())));
        }
        int needed = pool.workersNeeded();
        boolean unbounded = PoolSummary.unbounded(last);
        if (unbounded && last.corePoolSize() < last.maximumPoolSize()) {
            int size = Math.max(needed, last.corePoolSize() + 1);
            // setCorePoolSize above maximumPoolSize throws, so the maximum goes first when it must grow too
            String command = size <= last.maximumPoolSize() ? "pool.setCorePoolSize(" + size + ")"
                    : "pool.setMaximumPoolSize(" + size + "); pool.setCorePoolSize(" + size + ")";
            out.add(new Suggestion("Raise corePoolSize: this pool never grows past it", command,
                    String.format(Locale.ROOT, "With an unbounded queue, ThreadPoolExecutor starts threads beyond corePoolSize"
                            + " (%d) only when the queue is full, which it never is; maximumPoolSize (%d) is never reached",
                            last.corePoolSize(), last.maximumPoolSize())));
        } else if (needed > PoolSummary.workerLimit(last)) {
            out.add(new Suggestion("Size the pool for its load", String.format(Locale.ROOT,
                    "pool.setMaximumPoolSize(%d); pool.setCorePoolSize(%d)", needed, needed), String.format(Locale.ROOT,
                    "Tasks arrive at %.1f/s and take %.0f ms each, so about %d workers keep the queue short at 80%%"
                            + " utilisation (Little's law); it has %d", pool.arrivalRate(), pool.serviceSeconds() * 1000,
                    needed, PoolSummary.workerLimit(last))));
        }
        if (unbounded) {
            out.add(new Suggestion("Bound the queue and choose what happens when it is full",
                    "new ThreadPoolExecutor(core, max, 60, TimeUnit.SECONDS, new ArrayBlockingQueue<>(capacity),"
                            + " new ThreadPoolExecutor.CallerRunsPolicy())",
                    "An unbounded queue turns overload into ever longer waits and a growing heap; a bounded one with"
                            + " CallerRunsPolicy slows the submitters down instead"));
        }
        out.add(new Suggestion("Keep slow work apart", null,
                "Give tasks with different latencies their own pools (bulkheads), so slow tasks cannot starve fast ones"));
        String grep = last.threadNamePrefix() == null ? "" : " | grep -A 15 '\"" + last.threadNamePrefix() + "'";
        out.add(new Suggestion("See what the workers are doing", "jcmd " + pid + " Thread.print" + grep,
                "Workers RUNNABLE in your code are busy; BLOCKED or WAITING ones are stuck behind something else"));
        return out;
    }
}
