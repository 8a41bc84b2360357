package dev.precog.analyzer.jfr;

import dev.precog.analyzer.evidence.Deadlock;
import dev.precog.model.JvmInfo;
import java.util.List;

/**
 * What a recording says about the JVM that wrote it (jdk.JVMInformation, jdk.GCConfiguration,
 * jdk.GCHeapConfiguration) and the old objects it sampled, filled in while a file is read. Only used offline: live, the agent
 * knows its own JVM.
 */
public final class RecordedJvmFacts {

    private Long pid;
    private String mainClass;
    private String javaVersion;
    private Long heapMaxBytes;
    private String youngCollector;
    private String oldCollector;
    private final OldObjectCollector oldObjects = new OldObjectCollector();
    private final ThreadLifecycleCollector threads = new ThreadLifecycleCollector();
    private final ClassLoaderStatisticsCollector classLoaders = new ClassLoaderStatisticsCollector();
    private Long maxMetaspaceBytes;
    private List<Deadlock> deadlocks = List.of();
    private boolean precogInJvm;

    synchronized void jvm(long pid, String javaArguments, String jvmVersion) {
        this.pid = pid > 0 ? pid : null;
        this.mainClass = mainClassOf(javaArguments);
        this.javaVersion = javaVersionOf(jvmVersion);
    }

    /** The recording shows Precog running in the JVM (its agent on the command line, or its chunk rotation). */
    synchronized void precogSeen() {
        this.precogInJvm = true;
    }

    /** Whether Precog ran in the recorded JVM, so its stream parser's memory is part of the recorded heap. */
    public synchronized boolean precogInJvm() {
        return precogInJvm;
    }

    synchronized void collectors(String young, String old) {
        this.youngCollector = young;
        this.oldCollector = old;
    }

    synchronized void heapMax(long bytes) {
        if (bytes > 0) {
            this.heapMaxBytes = bytes;
        }
    }

    /** Old-object samples the recording holds (written when it was dumped). */
    public OldObjectCollector oldObjects() {
        return oldObjects;
    }

    /** Net thread starts per name pattern (jdk.ThreadStart minus jdk.ThreadEnd). */
    public ThreadLifecycleCollector threads() {
        return threads;
    }

    /** Class-loader censuses from jdk.ClassLoaderStatistics, when the recording has them. */
    public ClassLoaderStatisticsCollector classLoaders() {
        return classLoaders;
    }

    synchronized void deadlocks(List<Deadlock> found) {
        this.deadlocks = List.copyOf(found);
    }

    /** The deadlocks of the latest thread dump in the recording that listed any; empty if none did. */
    public synchronized List<Deadlock> deadlocks() {
        return deadlocks;
    }

    /** -XX:MaxMetaspaceSize; unset (the JVM reports 2^64-1) is kept as null. */
    synchronized void maxMetaspace(long bytes) {
        this.maxMetaspaceBytes = bytes > 0 && bytes < Long.MAX_VALUE / 2 ? bytes : null;
    }

    /** -XX:MaxMetaspaceSize as recorded, null when not set or not recorded. */
    public synchronized Long maxMetaspaceBytes() {
        return maxMetaspaceBytes;
    }

    public synchronized Long heapMaxBytes() {
        return heapMaxBytes;
    }

    public synchronized JvmInfo toJvmInfo() {
        return new JvmInfo(pid, mainClass, javaVersion, heapMaxBytes, collectorName(youngCollector, oldCollector));
    }

    /** A short collector name ("G1", "Parallel", "Serial", "ZGC", "Shenandoah") from JFR's names. */
    static String collectorName(String young, String old) {
        String both = (young == null ? "" : young) + " " + (old == null ? "" : old);
        if (both.contains("G1")) {
            return "G1";
        }
        if (both.contains("Z")) {
            return "ZGC";
        }
        if (both.contains("Shenandoah")) {
            return "Shenandoah";
        }
        if (both.contains("Parallel")) {
            return "Parallel";
        }
        if (both.contains("Serial") || both.contains("DefNew")) {
            return "Serial";
        }
        return both.isBlank() ? null : both.trim();
    }

    /** JFR's long jvmVersion holds the runtime version in its first parentheses: "... (17.0.15+6) for linux ...". */
    static String javaVersionOf(String jvmVersion) {
        if (jvmVersion == null) {
            return null;
        }
        int open = jvmVersion.indexOf('(');
        int close = jvmVersion.indexOf(')', open + 1);
        return open >= 0 && close > open ? jvmVersion.substring(open + 1, close) : jvmVersion;
    }

    /** The first word of the Java arguments: the main class, or the jar after -jar. */
    static String mainClassOf(String javaArguments) {
        if (javaArguments == null || javaArguments.isBlank()) {
            return null;
        }
        String[] words = javaArguments.trim().split("\\s+");
        return words[0];
    }
}
