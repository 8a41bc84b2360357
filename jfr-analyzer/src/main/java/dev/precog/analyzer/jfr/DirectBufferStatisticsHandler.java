package dev.precog.analyzer.jfr;

import dev.precog.analyzer.window.WindowAccumulator;
import dev.precog.model.Metric;
import java.util.Map;
import jdk.jfr.consumer.RecordedEvent;

/** jdk.DirectBufferStatistics: native memory held by direct ByteBuffers, and how many there are. */
final class DirectBufferStatisticsHandler implements EventHandler {

    static final String EVENT = "jdk.DirectBufferStatistics";

    private final WindowAccumulator sink;

    DirectBufferStatisticsHandler(WindowAccumulator sink) {
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
        long used = JfrFields.longOr(event, "memoryUsed", -1);
        if (used >= 0) {
            sink.record(Metric.DIRECT_BUFFER_USED, used);
        }
        long count = JfrFields.longOr(event, "count", -1);
        if (count >= 0) {
            sink.record(Metric.DIRECT_BUFFER_COUNT, count);
        }
    }
}
