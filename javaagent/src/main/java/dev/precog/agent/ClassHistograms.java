package dev.precog.agent;

import dev.precog.analyzer.evidence.ClassHistogram;
import java.lang.management.ManagementFactory;
import java.time.Instant;
import javax.management.JMException;
import javax.management.ObjectName;

/**
 * Takes a class histogram of the live heap in this JVM, as {@code jcmd <pid> GC.class_histogram}
 * does, through the DiagnosticCommand MBean. It runs a full collection first: costly, so only
 * {@link LeakEvidenceCollector} calls it, and only once a leak is suspected.
 */
final class ClassHistograms {

    private static final String DIAGNOSTIC_COMMAND = "com.sun.management:type=DiagnosticCommand";

    private ClassHistograms() {}

    static ClassHistogram take() throws JMException {
        long started = System.nanoTime();
        String text = (String) ManagementFactory.getPlatformMBeanServer().invoke(new ObjectName(DIAGNOSTIC_COMMAND),
                "gcClassHistogram", new Object[] {new String[0]}, new String[] {String[].class.getName()});
        long elapsedMillis = (System.nanoTime() - started) / 1_000_000;
        return ClassHistogram.parse(text, Instant.now(), elapsedMillis);
    }
}
