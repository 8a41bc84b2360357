package dev.precog.analyzer.jfr;

import dev.precog.analyzer.window.WindowAccumulator;
import java.util.Map;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedThread;

/**
 * jdk.ExecutionSample: which Java thread was on a CPU, in which application method, sampled at a
 * fixed period; counted per method and per thread, so a saturated CPU can name its hot code.
 */
final class ExecutionSampleHandler implements EventHandler {

    static final String EVENT = "jdk.ExecutionSample";
    /** Five samples a second per running thread: hot code stands out within half a minute at little cost. */
    private static final String PERIOD = "200 ms";

    private final WindowAccumulator sink;

    ExecutionSampleHandler(WindowAccumulator sink) {
        this.sink = sink;
    }

    @Override
    public String eventName() {
        return EVENT;
    }

    @Override
    public Map<String, String> settings() {
        return Map.of("period", PERIOD);
    }

    @Override
    public boolean stackTrace() {
        return true;
    }

    @Override
    public void accept(RecordedEvent event) {
        String frame = JfrFields.applicationFrame(event);
        RecordedThread thread = event.hasField("sampledThread") ? event.getThread("sampledThread") : null;
        String name = thread == null ? null : thread.getJavaName() != null ? thread.getJavaName() : thread.getOSName();
        sink.recordCpuSample(frame == null ? null : withoutLine(frame), name);
    }

    /** Samples land on many lines of one method: the method is the unit a developer looks at. */
    private static String withoutLine(String frame) {
        int colon = frame.lastIndexOf(':');
        return colon < 0 ? frame : frame.substring(0, colon);
    }
}
