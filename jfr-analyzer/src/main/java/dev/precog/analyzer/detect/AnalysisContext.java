package dev.precog.analyzer.detect;

import dev.precog.analyzer.evidence.Evidence;
import dev.precog.analyzer.evidence.HeapEvidence;
import dev.precog.analyzer.timeline.Timeline;
import dev.precog.model.Finding;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What detectors and forecasters may read at one evaluation: the timeline and a few facts
 * about the JVM. Derived analyses shared by several readers (the live-set trend) are computed
 * once per context.
 */
public final class AnalysisContext {

    private final Timeline timeline;
    private final Instant now;
    private final Long pid;
    private final Long heapMaxBytes;
    private final Path dumpDirectory;
    private final Boolean heapDumpOnOutOfMemory;
    private final Evidence evidence;
    private final Long metaspaceMaxBytes;
    private final Limit threadLimit;
    private final Long dumpDiskFreeBytes;
    private final boolean precogInJvm;
    private final List<Finding> findings;
    private Optional<LiveSetTrend> liveSetTrend;

    /**
     * @param pid the analysed JVM's pid, null when unknown
     * @param heapMaxBytes the maximum heap (-Xmx), null when unknown
     * @param dumpDirectory where a heap dump should be written if one is suggested
     * @param heapDumpOnOutOfMemory whether -XX:+HeapDumpOnOutOfMemoryError is set, null when unknown
     */
    public AnalysisContext(Timeline timeline, Instant now, Long pid, Long heapMaxBytes, Path dumpDirectory,
            Boolean heapDumpOnOutOfMemory) {
        this(timeline, now, pid, heapMaxBytes, dumpDirectory, heapDumpOnOutOfMemory, Evidence.NONE);
    }

    /** The same, with costly evidence gathered since detectors reported problems. */
    public AnalysisContext(Timeline timeline, Instant now, Long pid, Long heapMaxBytes, Path dumpDirectory,
            Boolean heapDumpOnOutOfMemory, Evidence evidence) {
        this(timeline, now, pid, heapMaxBytes, dumpDirectory, heapDumpOnOutOfMemory, evidence, null, null, null, false, List.of());
    }

    private AnalysisContext(Timeline timeline, Instant now, Long pid, Long heapMaxBytes, Path dumpDirectory,
            Boolean heapDumpOnOutOfMemory, Evidence evidence, Long metaspaceMaxBytes, Limit threadLimit,
            Long dumpDiskFreeBytes, boolean precogInJvm, List<Finding> findings) {
        this.timeline = timeline;
        this.now = now;
        this.pid = pid;
        this.heapMaxBytes = heapMaxBytes;
        this.dumpDirectory = dumpDirectory;
        this.heapDumpOnOutOfMemory = heapDumpOnOutOfMemory;
        this.evidence = evidence;
        this.metaspaceMaxBytes = metaspaceMaxBytes;
        this.threadLimit = threadLimit;
        this.dumpDiskFreeBytes = dumpDiskFreeBytes;
        this.precogInJvm = precogInJvm;
        this.findings = List.copyOf(findings);
    }

    /** A limit and what it is, e.g. 4096 from {@code ulimit -u}. */
    public record Limit(double value, String source) {}

    /** The same context, knowing -XX:MaxMetaspaceSize ({@code bytes}; null when unknown or unlimited). */
    public AnalysisContext withMetaspaceMaxBytes(Long bytes) {
        return new AnalysisContext(timeline, now, pid, heapMaxBytes, dumpDirectory, heapDumpOnOutOfMemory, evidence, bytes,
                threadLimit, dumpDiskFreeBytes, precogInJvm, findings);
    }

    /** The same context, knowing the most threads this JVM may run (null when unknown). */
    public AnalysisContext withThreadLimit(Limit limit) {
        return new AnalysisContext(timeline, now, pid, heapMaxBytes, dumpDirectory, heapDumpOnOutOfMemory, evidence,
                metaspaceMaxBytes, limit, dumpDiskFreeBytes, precogInJvm, findings);
    }

    /** The most threads this JVM may run, and which limit that is; null when unknown (offline). */
    public Limit threadLimit() {
        return threadLimit;
    }

    /**
     * The same context, knowing the usable space ({@code bytes}) of the file store where a heap
     * dump would go; null when unknown (offline, the analysed JVM's disk is not this one).
     */
    public AnalysisContext withDumpDiskFreeBytes(Long bytes) {
        return new AnalysisContext(timeline, now, pid, heapMaxBytes, dumpDirectory, heapDumpOnOutOfMemory, evidence,
                metaspaceMaxBytes, threadLimit, bytes, precogInJvm, findings);
    }

    /**
     * The same context, knowing whether Precog's live stream runs in the analysed JVM: for the agent
     * once its JFR stream has started, offline when the recording shows it. Its parser's memory is
     * then part of the heap.
     */
    public AnalysisContext withPrecogInJvm(boolean inJvm) {
        return new AnalysisContext(timeline, now, pid, heapMaxBytes, dumpDirectory, heapDumpOnOutOfMemory, evidence,
                metaspaceMaxBytes, threadLimit, dumpDiskFreeBytes, inJvm, findings);
    }

    /**
     * The same context, for the forecasters, knowing this evaluation's {@code tracked} findings: those the detectors
     * found and those held through a short absence (see {@link FindingTracker}). The live-set trend is shared.
     */
    public synchronized AnalysisContext withFindings(List<Finding> tracked) {
        AnalysisContext c = new AnalysisContext(timeline, now, pid, heapMaxBytes, dumpDirectory, heapDumpOnOutOfMemory, evidence,
                metaspaceMaxBytes, threadLimit, dumpDiskFreeBytes, precogInJvm, tracked);
        c.liveSetTrend = liveSetTrend;
        return c;
    }

    /** The findings of this evaluation, for forecasters (see {@link #withFindings}); empty for detectors. */
    public List<Finding> findings() {
        return findings;
    }

    /** Whether Precog's live stream runs in the analysed JVM (see {@link #withPrecogInJvm}). */
    public boolean precogInJvm() {
        return precogInJvm;
    }

    /** Usable bytes on the file store of {@link #dumpDirectory()}, null when unknown. */
    public Long dumpDiskFreeBytes() {
        return dumpDiskFreeBytes;
    }

    /** -XX:MaxMetaspaceSize, null when unknown or not set (metaspace is then limited only by native memory). */
    public Long metaspaceMaxBytes() {
        return metaspaceMaxBytes;
    }

    /** Costly evidence gathered so far; never null. */
    public Evidence evidence() {
        return evidence;
    }

    /** Histogram diffs or old-object samples, when gathered; never null. */
    public HeapEvidence heapEvidence() {
        return evidence.heap();
    }

    public Timeline timeline() {
        return timeline;
    }

    public Instant now() {
        return now;
    }

    public Long pid() {
        return pid;
    }

    public Long heapMaxBytes() {
        return heapMaxBytes;
    }

    public Path dumpDirectory() {
        return dumpDirectory;
    }

    public Boolean heapDumpOnOutOfMemory() {
        return heapDumpOnOutOfMemory;
    }

    /** The live-set trend of this timeline, computed on first use. */
    public synchronized Optional<LiveSetTrend> liveSetTrend() {
        if (liveSetTrend == null) {
            liveSetTrend = LiveSetTrend.of(timeline, heapMaxBytes);
        }
        return liveSetTrend;
    }

    /** The pid as text for commands, or a placeholder the operator replaces. */
    public String pidOrPlaceholder() {
        return pid == null ? "<pid>" : Long.toString(pid);
    }
}
