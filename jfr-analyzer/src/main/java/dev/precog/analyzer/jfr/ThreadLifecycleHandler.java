package dev.precog.analyzer.jfr;

import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedThread;

/**
 * jdk.ThreadStart or jdk.ThreadEnd (offline only): the started or ended thread's name into
 * the recording's tally. Live, a census of the threads themselves is cheaper and exact.
 */
final class ThreadLifecycleHandler implements EventHandler {

    static final String START = "jdk.ThreadStart";
    static final String END = "jdk.ThreadEnd";

    private final boolean start;
    private final ThreadLifecycleCollector collector;

    private ThreadLifecycleHandler(boolean start, ThreadLifecycleCollector collector) {
        this.start = start;
        this.collector = collector;
    }

    static ThreadLifecycleHandler start(ThreadLifecycleCollector collector) {
        return new ThreadLifecycleHandler(true, collector);
    }

    static ThreadLifecycleHandler end(ThreadLifecycleCollector collector) {
        return new ThreadLifecycleHandler(false, collector);
    }

    @Override
    public String eventName() {
        return start ? START : END;
    }

    @Override
    public void accept(RecordedEvent e) {
        if (!e.hasField("thread")) {
            return;
        }
        RecordedThread thread = e.getThread("thread");
        // a thread that is not a Java thread (JVM-internal) has no Java name and cannot leak from code
        if (thread == null || thread.getJavaName() == null) {
            return;
        }
        if (start) {
            collector.started(thread.getJavaName());
        } else {
            collector.ended(thread.getJavaName());
        }
    }
}
