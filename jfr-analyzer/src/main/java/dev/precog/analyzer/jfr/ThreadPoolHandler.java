package dev.precog.analyzer.jfr;

import dev.precog.analyzer.window.WindowAccumulator;
import dev.precog.model.PoolActivity;
import java.util.Map;
import jdk.jfr.consumer.RecordedEvent;

/**
 * precog.ThreadPool: written once a second per ThreadPoolExecutor by Precog's executor
 * instrumentation (so only in JVMs the agent ran in), with the pool's workers, queue and the time
 * tasks waited for a worker.
 */
final class ThreadPoolHandler implements EventHandler {

    /** The event's name: a contract with the agent's {@code dev.precog.bootstrap.ThreadPoolEvent}. */
    static final String EVENT = "precog.ThreadPool";

    private final WindowAccumulator sink;

    ThreadPoolHandler(WindowAccumulator sink) {
        this.sink = sink;
    }

    @Override
    public String eventName() {
        return EVENT;
    }

    @Override
    public Map<String, String> settings() {
        return Map.of("period", "1 s");
    }

    @Override
    public void accept(RecordedEvent e) {
        int active = (int) JfrFields.longOr(e, "activeCount", 0);
        int queue = (int) JfrFields.longOr(e, "queueSize", 0);
        sink.recordPool(new PoolActivity(
                JfrFields.longOr(e, "poolId", 0),
                JfrFields.stringOr(e, "executorClass", "java.util.concurrent.ThreadPoolExecutor"),
                JfrFields.stringOr(e, "threadNamePrefix", null),
                JfrFields.stringOr(e, "submitter", null),
                JfrFields.stringOr(e, "taskClass", null),
                (int) JfrFields.longOr(e, "corePoolSize", 0),
                (int) JfrFields.longOr(e, "maximumPoolSize", 0),
                (int) JfrFields.longOr(e, "poolSize", 0),
                active,
                queue,
                queue,
                (int) JfrFields.longOr(e, "queueRemainingCapacity", 0),
                JfrFields.longOr(e, "submitted", 0),
                JfrFields.longOr(e, "started", 0),
                JfrFields.longOr(e, "rejected", 0),
                JfrFields.millisOr(e, "waitingNanos", 0) / 1000,
                JfrFields.millisOr(e, "intervalNanos", 0) / 1000,
                1));
    }
}
