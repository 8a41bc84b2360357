package dev.precog.analyzer.jfr;

import dev.precog.analyzer.window.WindowAccumulator;
import dev.precog.model.Metric;
import java.time.Instant;
import java.util.Map;
import jdk.jfr.consumer.RecordedEvent;

/**
 * jdk.ThreadCPULoad: the CPU of this JVM's Java threads, summed over one periodic batch (one event
 * per thread that ran, all stamped with the same time). The window keeps the largest batch sum it
 * saw, so a lone event a thread emits as it exits does not stand for the whole.
 */
final class ThreadCpuLoadHandler implements EventHandler {

    static final String EVENT = "jdk.ThreadCPULoad";

    private final WindowAccumulator sink;
    private Instant batchTime;
    private double batchSum;

    ThreadCpuLoadHandler(WindowAccumulator sink) {
        this.sink = sink;
    }

    @Override
    public String eventName() {
        return EVENT;
    }

    @Override
    public Map<String, String> settings() {
        return Map.of("period", "10 s");
    }

    @Override
    public void accept(RecordedEvent event) {
        double load = JfrFields.doubleOr(event, "user", 0) + JfrFields.doubleOr(event, "system", 0);
        if (!Double.isFinite(load)) {
            return;
        }
        Instant at = event.getStartTime();
        if (!at.equals(batchTime)) {
            batchTime = at;
            batchSum = 0;
        }
        batchSum += load;
        // the running sum: the batch's last event leaves its whole in the window's maximum
        sink.record(Metric.CPU_JAVA_THREADS, batchSum);
    }
}
