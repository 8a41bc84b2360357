package dev.precog.agent;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Callable;
import java.util.function.LongSupplier;
import javax.management.JMException;
import javax.management.ObjectName;

/**
 * The agent's own classes and the metaspace they hold: the row of its isolated class loader in
 * {@code VM.classloader_stats}, read through the DiagnosticCommand MBean. The command walks the
 * JVM's class loaders at a safepoint (about 5 ms with 7,000 loaders in the JVM, 40 ms with 20,000),
 * so it runs at the first window after start-up, once more a minute later (the first reports and
 * analyses load classes of their own), and after that only when the loader has defined classes
 * since the last reading, at most every {@link #REFRESH}: a steady agent costs it nothing.
 */
final class AgentClassMetaspace {

    static final Duration SETTLE = Duration.ofMinutes(1);
    static final Duration REFRESH = Duration.ofMinutes(10);
    /** The loader {@code boot.AgentJar} defines Precog in; any other loader holds the application's classes too. */
    static final String ISOLATED_LOADER = "dev.precog.agent.boot.IsolatedClassLoader";
    private static final String DIAGNOSTIC_COMMAND = "com.sun.management:type=DiagnosticCommand";

    /** Classes (hidden ones included) and the metaspace chunks their loader holds, in bytes. */
    record Reading(long classes, long metaspaceBytes) {}

    private final boolean isolated;
    /** Classes the isolated loader defined so far ({@code IsolatedClassLoader} is one). */
    private final LongSupplier defined;
    private final Callable<Reading> reader;
    private final AgentLog log;
    private Instant readAt;
    private int readings;
    private long definedAtReading;
    private boolean failed;
    private volatile Reading latest;

    /** For the agent loaded by {@code agentLoader}: measured only when that is its isolated loader. */
    static AgentClassMetaspace of(ClassLoader agentLoader, AgentLog log) {
        boolean isolated = agentLoader != null && agentLoader.getClass().getName().equals(ISOLATED_LOADER)
                && agentLoader instanceof LongSupplier;
        return new AgentClassMetaspace(isolated, isolated ? (LongSupplier) agentLoader : () -> 0, AgentClassMetaspace::read, log);
    }

    AgentClassMetaspace(boolean isolated, LongSupplier defined, Callable<Reading> reader, AgentLog log) {
        this.isolated = isolated;
        this.defined = defined;
        this.reader = reader;
        this.log = log;
    }

    /** Reads the table when it is due (see the class comment). Called from one thread. */
    void update(Instant now) {
        if (!isolated || failed) {
            return;
        }
        long classes = defined.getAsLong();
        boolean due = readAt == null
                || (readings == 1 ? Duration.between(readAt, now).compareTo(SETTLE) >= 0
                        : classes != definedAtReading && Duration.between(readAt, now).compareTo(REFRESH) >= 0);
        if (!due) {
            return;
        }
        readAt = now;
        readings++;
        definedAtReading = classes;
        try {
            latest = reader.call();
        } catch (Exception | LinkageError e) {
            // a JVM without the command (or without the MBean server) cannot say: stop asking, and
            // show no reading rather than an old one
            failed = true;
            latest = null;
            log.error("the agent's classes not measured (VM.classloader_stats)", e);
        }
    }

    /** The latest reading; null before the first, without the isolated loader, or once the command failed. */
    Reading latest() {
        return latest;
    }

    private static Reading read() throws JMException {
        String text = (String) ManagementFactory.getPlatformMBeanServer().invoke(new ObjectName(DIAGNOSTIC_COMMAND),
                "vmClassloaderStats", new Object[] {new String[0]}, new String[] {String[].class.getName()});
        ClassLoaderStats stats = ClassLoaderStats.parse(text);
        ClassLoaderStats.Row own = stats.of(ISOLATED_LOADER);
        if (own == null) {
            throw new IllegalStateException("no row for " + ISOLATED_LOADER + " in VM.classloader_stats");
        }
        Long unit = stats.unitBytes(usedMetaspace(), "32".equals(System.getProperty("sun.arch.data.model")) ? 4 : 8);
        if (unit == null) {
            throw new IllegalStateException("VM.classloader_stats without a total, or no Metaspace memory pool: its unit"
                    + " (bytes or words) cannot be told");
        }
        return new Reading(own.classes(), own.chunkSize() * unit);
    }

    /** The metaspace the JVM uses (class space included), read just after the table; 0 when no pool says. */
    private static long usedMetaspace() {
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getName().equals("Metaspace")) {
                return pool.getUsage().getUsed();
            }
        }
        return 0;
    }
}
