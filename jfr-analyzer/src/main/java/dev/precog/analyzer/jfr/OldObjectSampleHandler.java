package dev.precog.analyzer.jfr;

import dev.precog.analyzer.detect.JavaTypes;
import java.util.ArrayList;
import java.util.List;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedObject;
import jdk.jfr.consumer.RecordedStackTrace;

/**
 * jdk.OldObjectSample (offline): objects sampled when allocated and still alive when the
 * recording was written, with their allocation stack when the recording kept stacks.
 */
final class OldObjectSampleHandler implements EventHandler {

    static final String EVENT = "jdk.OldObjectSample";

    private final OldObjectCollector collector;

    OldObjectSampleHandler(OldObjectCollector collector) {
        this.collector = collector;
    }

    @Override
    public String eventName() {
        return EVENT;
    }

    @Override
    public void accept(RecordedEvent event) {
        RecordedObject object = JfrFields.structOr(event, "object");
        if (object == null || !object.hasField("type")) {
            return;
        }
        jdk.jfr.consumer.RecordedClass type = object.getValue("type");
        if (type == null) {
            return;
        }
        List<String> frames = new ArrayList<>();
        String allocatedBy = null;
        RecordedStackTrace stack = event.getStackTrace();
        if (stack != null) {
            for (RecordedFrame frame : stack.getFrames()) {
                String where = JfrFields.where(frame);
                if (where == null) {
                    continue;
                }
                frames.add(where);
                if (allocatedBy == null && !JavaTypes.isPlatform(JfrFields.typeName(frame.getMethod()))) {
                    allocatedBy = where;
                }
            }
        }
        collector.add(type.getName(), frames, allocatedBy);
    }
}
