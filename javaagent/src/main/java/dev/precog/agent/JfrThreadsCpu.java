package dev.precog.agent;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * CPU time of the JVM's own JFR threads, which work for the agent's recording but are not the
 * agent's threads: the recorder and periodic-task threads (Java threads, read through
 * ThreadMXBean) and the execution sampler (a native thread ThreadMXBean does not list, read from
 * {@code /proc/self/task} on Linux only). Each thread counts from when it was first found (the
 * first reading, or within {@value #LOOKUP_EVERY_SECONDS} s of the stream's start), so a thread
 * found late never shows up as a burst. Every recording in the JVM shares them. Called from one
 * thread.
 */
final class JfrThreadsCpu {

    static final Set<String> JAVA_THREADS = Set.of("JFR Recorder Thread", "JFR Periodic Tasks");
    /** The sampler's name as Linux keeps it (15 characters): JDK 17 and JDK 25 name it differently. */
    static final Set<String> NATIVE_THREADS = Set.of("JFR Thread Samp", "JFR Sampler Thr");
    /** /proc counts CPU in clock ticks of USER_HZ, which Linux fixes at 100 per second for user space. */
    static final long NANOS_PER_TICK = 10_000_000L;
    /** Looking the threads up walks all threads: not more often than this while some are missing. */
    static final int LOOKUP_EVERY_SECONDS = 10;
    private static final int JAVA_THREAD_COUNT = JAVA_THREADS.size();

    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private final Path tasks;
    private final List<Long> javaIds = new ArrayList<>();
    private final List<Path> nativeStats = new ArrayList<>();
    /** CPU time per thread when first found and when last seen, so a thread that ended still counts. */
    private final Map<Object, long[]> seen = new HashMap<>();
    private long lookedUpAt;
    private boolean lookedUp;

    JfrThreadsCpu() {
        this(Path.of("/proc/self/task"));
    }

    JfrThreadsCpu(Path tasks) {
        this.tasks = tasks;
    }

    /** CPU nanoseconds of the JFR threads since each was found; -1 while none can be read. */
    long cpuNanos(long nanoTime) {
        boolean complete = javaIds.size() == JAVA_THREAD_COUNT && (!nativeStats.isEmpty() || !Files.isDirectory(tasks));
        if (!lookedUp || !complete && nanoTime - lookedUpAt >= LOOKUP_EVERY_SECONDS * 1_000_000_000L) {
            lookUp();
            lookedUp = true;
            lookedUpAt = nanoTime;
        }
        for (long id : javaIds) {
            see(id, threads.isThreadCpuTimeSupported() ? threads.getThreadCpuTime(id) : -1);
        }
        for (Path stat : nativeStats) {
            long ticks = readTicks(stat);
            see(stat, ticks < 0 ? -1 : ticks * NANOS_PER_TICK);
        }
        if (seen.isEmpty()) {
            return -1;
        }
        long total = 0;
        for (long[] firstAndLast : seen.values()) {
            total += firstAndLast[1] - firstAndLast[0];
        }
        return total;
    }

    private void see(Object thread, long cpu) {
        if (cpu >= 0) {
            long[] firstAndLast = seen.computeIfAbsent(thread, t -> new long[] {cpu, cpu});
            firstAndLast[1] = Math.max(firstAndLast[1], cpu);
        }
    }

    private void lookUp() {
        javaIds.clear();
        for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds(), 0)) {
            // maxDepth 0: names only, no safepoint
            if (info != null && JAVA_THREADS.contains(info.getThreadName())) {
                javaIds.add(info.getThreadId());
            }
        }
        nativeStats.clear();
        if (!Files.isDirectory(tasks)) {
            return;
        }
        try (DirectoryStream<Path> all = Files.newDirectoryStream(tasks)) {
            for (Path task : all) {
                if (NATIVE_THREADS.contains(readComm(task))) {
                    nativeStats.add(task.resolve("stat"));
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux, or /proc hidden: the sampler's CPU stays unknown
        }
    }

    private static String readComm(Path task) {
        try {
            return Files.readString(task.resolve("comm")).trim();
        } catch (IOException e) {
            return "";
        }
    }

    private static long readTicks(Path stat) {
        try {
            return userPlusSystemTicks(Files.readString(stat));
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /**
     * utime plus stime (fields 14 and 15) of a {@code /proc/<pid>/task/<tid>/stat} line; the name
     * in parentheses may hold spaces, so fields are counted from the last ')'.
     */
    static long userPlusSystemTicks(String stat) {
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).trim().split(" ");
        // fields[0] is field 3 (state): utime is field 14, stime field 15
        return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
    }
}
