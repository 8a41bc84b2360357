package dev.precog.analyzer.jfr;

import dev.precog.analyzer.window.WindowAccumulator;
import dev.precog.model.Metric;
import java.util.Map;
import jdk.jfr.consumer.RecordedEvent;

/** jdk.CPULoad: this JVM's user and system CPU and the whole machine's, as shares of all cores. */
final class CpuLoadHandler implements EventHandler {

    static final String EVENT = "jdk.CPULoad";

    private final WindowAccumulator sink;

    CpuLoadHandler(WindowAccumulator sink) {
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
        sink.record(Metric.CPU_JVM_USER, JfrFields.doubleOr(event, "jvmUser", Double.NaN));
        sink.record(Metric.CPU_JVM_SYSTEM, JfrFields.doubleOr(event, "jvmSystem", Double.NaN));
        sink.record(Metric.CPU_MACHINE, JfrFields.doubleOr(event, "machineTotal", Double.NaN));
    }
}
