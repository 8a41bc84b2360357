package dev.precog.analyzer.jfr;

import dev.precog.analyzer.window.WindowAccumulator;
import dev.precog.model.DistributionKind;
import dev.precog.model.Metric;
import java.util.Map;
import jdk.jfr.consumer.RecordedEvent;

/**
 * A thread blocked for a while: jdk.JavaMonitorEnter, jdk.JavaMonitorWait or jdk.ThreadPark.
 * Each is one instance of this class with its own event name, distribution and metric; monitor
 * enters and parks on locks are also attributed to their lock (see {@link WaitAttribution}).
 */
final class BlockingEventHandler implements EventHandler {

    static final String MONITOR_ENTER = "jdk.JavaMonitorEnter";
    static final String MONITOR_WAIT = "jdk.JavaMonitorWait";
    static final String THREAD_PARK = "jdk.ThreadPark";

    /** Shorter waits are not worth an event; JDK's own default is 20 ms. */
    private static final String THRESHOLD = "10 ms";

    private final String eventName;
    private final DistributionKind distribution;
    private final Metric totalTime;
    private final WindowAccumulator sink;

    BlockingEventHandler(String eventName, DistributionKind distribution, Metric totalTime, WindowAccumulator sink) {
        this.eventName = eventName;
        this.distribution = distribution;
        this.totalTime = totalTime;
        this.sink = sink;
    }

    @Override
    public String eventName() {
        return eventName;
    }

    @Override
    public Map<String, String> settings() {
        return Map.of("threshold", THRESHOLD);
    }

    /** Waiter stacks name the critical section; a wait for a signal needs none. */
    @Override
    public boolean stackTrace() {
        return !MONITOR_WAIT.equals(eventName);
    }

    @Override
    public void accept(RecordedEvent event) {
        long nanos = event.getDuration().toNanos();
        sink.recordDuration(distribution, nanos);
        sink.record(totalTime, nanos / 1e6);
        // monitor waits (Object.wait) wait for a signal, not for a lock: no lock attribution
        if (MONITOR_ENTER.equals(eventName)) {
            WaitAttribution.monitorEnter(event, sink);
        } else if (THREAD_PARK.equals(eventName)) {
            WaitAttribution.threadPark(event, sink);
        }
    }
}
