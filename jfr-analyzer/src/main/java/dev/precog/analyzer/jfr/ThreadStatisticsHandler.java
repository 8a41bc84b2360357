package dev.precog.analyzer.jfr;

import dev.precog.analyzer.window.WindowAccumulator;
import dev.precog.model.Metric;
import java.util.Map;
import jdk.jfr.consumer.RecordedEvent;

/** jdk.JavaThreadStatistics: live and daemon Java thread counts. */
final class ThreadStatisticsHandler implements EventHandler {

    static final String EVENT = "jdk.JavaThreadStatistics";

    private final WindowAccumulator sink;

    ThreadStatisticsHandler(WindowAccumulator sink) {
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
    public void accept(RecordedEvent event) {
        sink.record(Metric.THREADS_ACTIVE, JfrFields.longOr(event, "activeCount", -1));
        sink.record(Metric.THREADS_DAEMON, JfrFields.longOr(event, "daemonCount", -1));
    }
}
