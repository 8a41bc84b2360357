package dev.precog.analyzer.jfr;

import dev.precog.analyzer.evidence.Deadlock;
import dev.precog.analyzer.evidence.ThreadDumpDeadlocks;
import java.util.List;
import jdk.jfr.consumer.RecordedEvent;

/**
 * jdk.ThreadDump (offline; settings=default takes one at each chunk's start and end): the
 * deadlocks HotSpot lists in it. A deadlock never resolves, so the latest dump that lists any
 * is kept.
 */
final class ThreadDumpHandler implements EventHandler {

    static final String EVENT = "jdk.ThreadDump";

    private final RecordedJvmFacts facts;

    ThreadDumpHandler(RecordedJvmFacts facts) {
        this.facts = facts;
    }

    @Override
    public String eventName() {
        return EVENT;
    }

    @Override
    public void accept(RecordedEvent event) {
        String dump = JfrFields.stringOr(event, "result", null);
        // cheap test first: most dumps list no deadlock
        if (dump != null && dump.contains("Java-level deadlock")) {
            List<Deadlock> found = ThreadDumpDeadlocks.parse(dump);
            if (!found.isEmpty()) {
                facts.deadlocks(found);
            }
        }
    }
}
