package dev.precog.analyzer.jfr;

import dev.precog.analyzer.window.WindowAccumulator;
import dev.precog.model.Metric;
import java.util.Map;
import jdk.jfr.consumer.RecordedEvent;

/** jdk.ClassLoadingStatistics: classes loaded and unloaded since JVM start. */
final class ClassLoadingStatisticsHandler implements EventHandler {

    static final String EVENT = "jdk.ClassLoadingStatistics";

    private final WindowAccumulator sink;

    ClassLoadingStatisticsHandler(WindowAccumulator sink) {
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
        sink.record(Metric.CLASSES_LOADED, JfrFields.longOr(event, "loadedClassCount", -1));
        sink.record(Metric.CLASSES_UNLOADED, JfrFields.longOr(event, "unloadedClassCount", -1));
    }
}
