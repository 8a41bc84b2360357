package dev.precog.analyzer.jfr;

import dev.precog.analyzer.window.WindowAccumulator;
import dev.precog.model.Metric;
import jdk.jfr.consumer.RecordedEvent;

/** Offline, the host CPU comes from jdk.CPULoad's machine total (live it comes from OSHI). */
final class HostCpuFromJfrHandler implements EventHandler {

    private final WindowAccumulator sink;

    HostCpuFromJfrHandler(WindowAccumulator sink) {
        this.sink = sink;
    }

    @Override
    public String eventName() {
        return CpuLoadHandler.EVENT;
    }

    @Override
    public void accept(RecordedEvent event) {
        sink.record(Metric.HOST_CPU, JfrFields.doubleOr(event, "machineTotal", Double.NaN));
    }
}
