package dev.precog.analyzer.detect;

import dev.precog.analyzer.report.Format;
import dev.precog.analyzer.timeline.Series;
import dev.precog.model.Finding;
import dev.precog.model.FindingKind;
import dev.precog.model.Metric;
import dev.precog.model.Severity;
import dev.precog.model.Suggestion;
import dev.precog.model.Suspect;
import dev.precog.model.Window;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * NATIVE_MEMORY_GROWTH: the process's resident memory grows while the heap and metaspace do
 * not. Every JVM's RSS rises early as heap pages are first touched, so the heap is discounted
 * by what has been touched so far (the high-water mark of heap in use, up to the committed
 * heap), not by what is committed but untouched; the first minute and the first tenth of the
 * history are warm-up.
 * Direct ByteBuffers (jdk.DirectBufferStatistics) and thread stacks are named when they carry
 * the growth; otherwise no suspect is named and the suggestions lead to Native Memory Tracking.
 * A recording without the resident set (JFR records it from JDK 21 on) is judged by its direct
 * buffers' memory alone, native memory by definition: the one native growth such a file shows.
 */
public final class NativeMemoryGrowthDetector implements Detector {

    /** Growth below this is noise for a process's RSS (arenas, code cache, JIT). */
    static final double MIN_GROWTH_BYTES = 64.0 * 1024 * 1024;
    static final double WARMUP_FRACTION = 0.1;
    /** JIT, code cache and first-touched pages make every young JVM's RSS climb for a while. */
    static final double WARMUP_SECONDS = 60;
    /** A source counts as the culprit when it carries at least this share of the growth. */
    static final double CULPRIT_SHARE = 0.5;
    /**
     * Estimated resident memory of one more thread: the touched part of its stack and the JVM's
     * structures for it. The reserved stack (-Xss, 1 MB by default) is mostly never touched.
     */
    static final double STACK_BYTES = 128.0 * 1024;
    static final double CRITICAL_SECONDS_TO_HOST_LIMIT = 3600;

    @Override
    public FindingKind kind() {
        return FindingKind.NATIVE_MEMORY_GROWTH;
    }

    @Override
    public List<Finding> detect(AnalysisContext context) {
        List<Window> windows = context.timeline().windows();
        Series nonHeap = nonHeapResident(windows);
        boolean resident = nonHeap.size() > 0;
        if (!resident) {
            // the direct buffers' memory is what a recording without the resident set shows of native memory
            nonHeap = context.timeline().series(Metric.DIRECT_BUFFER_USED);
        }
        int warmup = (int) Math.ceil(nonHeap.size() * WARMUP_FRACTION);
        double settled = windows.isEmpty() ? 0 : windows.get(0).start().toEpochMilli() / 1000.0 + WARMUP_SECONDS;
        while (warmup < nonHeap.size() && nonHeap.times()[warmup] < settled) {
            warmup++;
        }
        if (nonHeap.size() - warmup < SeriesTrend.MIN_POINTS + 1) {
            return List.of();
        }
        Series s = nonHeap.from(warmup).downsampleByMin(240);
        SeriesTrend t = SeriesTrend.of(s);
        double growth = t.growth();
        if (!t.isRising() || growth < MIN_GROWTH_BYTES) {
            return List.of();
        }
        double since = s.times()[0];
        double directGrowth = growthOf(windows, Metric.DIRECT_BUFFER_USED, since);
        // without the resident set, threads' memory is not in the measured growth
        double threadGrowth = resident ? growthOf(windows, Metric.THREADS_ACTIVE, since) * STACK_BYTES : 0;
        OptionalDouble available = context.timeline().latest(Metric.HOST_MEMORY_AVAILABLE);
        Double secondsToHostLimit = available.isPresent() && t.fit().slope() > 0
                ? available.getAsDouble() / t.fit().slope() : null;
        Severity severity = secondsToHostLimit != null && secondsToHostLimit < CRITICAL_SECONDS_TO_HOST_LIMIT
                ? Severity.CRITICAL : Severity.WARNING;

        Map<String, Object> evidence = new LinkedHashMap<>();
        evidence.put("basis", resident ? "resident-set" : "direct-buffers");
        evidence.put(resident ? "nonHeapResidentBytes" : "directBufferBytes", Math.round(t.currentLevel()));
        LeakPattern pattern = t.pattern();
        evidence.put("patternReason", pattern.reason());
        evidence.put("growthBytesPerMinute", Math.round(t.fit().slope() * 60));
        evidence.put("growthBytesPerMinuteLow", Math.round(t.fit().slopeLow() * 60));
        evidence.put("growthBytesPerMinuteHigh", Math.round(t.fit().slopeHigh() * 60));
        evidence.put("since", s.timeAt(0).toString());
        evidence.put("directBufferGrowthBytes", Math.round(directGrowth));
        evidence.put("threadGrowth", Math.round(threadGrowth / STACK_BYTES));
        if (secondsToHostLimit != null) {
            evidence.put("secondsToHostMemoryExhausted", Math.round(secondsToHostLimit));
        }
        evidence.put("windowsAnalysed", s.size());
        evidence.put("pValue", t.trend().pIncreasing());
        evidence.put("confidenceReason", String.format(Locale.ROOT,
                "%s rose %s over %s (Mann-Kendall p=%.2g, %d windows)",
                resident ? "resident memory outside the touched heap and metaspace" : "direct buffers' memory",
                Format.bytes(growth), Format.duration(s.spanSeconds()), t.trend().pIncreasing(), s.size()));
        double confidence = Format.round((1 - t.trend().pIncreasing()) * Math.min(1.0, s.size() / 12.0), 3);
        String rates = String.format(Locale.ROOT, "%s/min (95%%: %s-%s/min)", Format.bytes(t.fit().slope() * 60),
                Format.bytes(t.fit().slopeLow() * 60), Format.bytes(t.fit().slopeHigh() * 60));
        String summary = resident
                ? String.format(Locale.ROOT, "Native memory grows %s outside the heap and metaspace since %s; now %s%s", rates,
                        s.timeAt(0), Format.bytes(t.currentLevel()),
                        directGrowth >= CULPRIT_SHARE * growth ? "; direct ByteBuffers grew " + Format.bytes(directGrowth) : "")
                : String.format(Locale.ROOT, "Native memory held by direct ByteBuffers grows %s since %s; now %s (no resident"
                        + " set in this recording, which JFR records from JDK 21: other native memory is not seen)", rates,
                        s.timeAt(0), Format.bytes(t.currentLevel()));
        return List.of(new Finding("native", kind(), severity, confidence, context.now(), pattern.name(), summary, evidence,
                suspects(growth, directGrowth, threadGrowth, windows), suggestions(context)));
    }

    /** RSS minus the touched heap and the committed metaspace, per window where RSS is known. */
    static Series nonHeapResident(List<Window> windows) {
        double[] t = new double[windows.size()];
        double[] v = new double[windows.size()];
        int n = 0;
        TouchedHeap touchedHeap = new TouchedHeap();
        double metaspace = 0;
        for (Window w : windows) {
            touchedHeap.add(w);
            metaspace = w.value(Metric.METASPACE_COMMITTED).orElse(metaspace);
            OptionalDouble rss = w.value(Metric.PROCESS_RSS);
            if (rss.isPresent() && touchedHeap.bytes() > 0) {
                t[n] = w.end().toEpochMilli() / 1000.0;
                v[n] = rss.getAsDouble() - touchedHeap.bytes() - metaspace;
                n++;
            }
        }
        return new Series(java.util.Arrays.copyOf(t, n), java.util.Arrays.copyOf(v, n));
    }

    /** Last minus first observed value of {@code metric} in the windows ending after {@code since}. */
    private static double growthOf(List<Window> windows, Metric metric, double since) {
        Double first = null;
        Double last = null;
        for (Window w : windows) {
            OptionalDouble v = w.value(metric);
            if (v.isPresent() && w.end().toEpochMilli() / 1000.0 >= since) {
                first = first == null ? v.getAsDouble() : first;
                last = v.getAsDouble();
            }
        }
        return first == null ? 0 : Math.max(0, last - first);
    }

    private static List<Suspect> suspects(double growth, double directGrowth, double threadGrowth, List<Window> windows) {
        List<Suspect> out = new ArrayList<>();
        if (directGrowth >= CULPRIT_SHARE * growth) {
            double count = windows.isEmpty() ? 0 : windows.get(windows.size() - 1).value(Metric.DIRECT_BUFFER_COUNT).orElse(0);
            out.add(new Suspect("java.nio.DirectByteBuffer", "direct-buffer-statistics", Format.round(Math.min(1, directGrowth / growth), 3),
                    List.of(), String.format(Locale.ROOT, "direct buffers grew %s; %,.0f buffers alive",
                            Format.bytes(directGrowth), count), null, Math.round(directGrowth)));
        }
        if (threadGrowth >= CULPRIT_SHARE * growth) {
            out.add(new Suspect("java.lang.Thread", "thread-count", Format.round(Math.min(1, threadGrowth / growth), 3), List.of(),
                    String.format(Locale.ROOT, "%.0f more threads, about %s resident (estimated at 128 KB each)",
                            threadGrowth / STACK_BYTES,
                            Format.bytes(threadGrowth)), Math.round(threadGrowth / STACK_BYTES), Math.round(threadGrowth)));
        }
        return out;
    }

    private static List<Suggestion> suggestions(AnalysisContext context) {
        String pid = context.pidOrPlaceholder();
        return List.of(
                new Suggestion("See which native memory category grows (needs -XX:NativeMemoryTracking=summary at start)",
                        "jcmd " + pid + " VM.native_memory summary.diff",
                        "Native Memory Tracking splits the JVM's own memory into categories; growth outside them is malloc"
                                + " from libraries (JNI, compression, TLS)"),
                new Suggestion("Release direct buffers, or cap them to fail fast",
                        "-XX:MaxDirectMemorySize=<limit>",
                        "ByteBuffer.allocateDirect memory is freed only when the buffer object is collected;"
                                + " pooled allocators (Netty) must be released explicitly"),
                new Suggestion("Compare the process's memory maps over time", "jcmd " + pid + " VM.info",
                        "Growing anonymous mappings point at native allocations; growing file mappings at mapped files"));
    }
}
