package dev.precog.agent;

import dev.precog.analyzer.detect.AnalysisContext;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalLong;

/**
 * The most threads this JVM may run on Linux: the lowest of its soft {@code ulimit -u} (which
 * counts every thread of the user, so it is an upper bound), its cgroup's {@code pids.max} and the
 * kernel's {@code threads-max}. Null elsewhere, or when none can be read.
 */
final class ThreadLimit {

    private ThreadLimit() {}

    static AnalysisContext.Limit read() {
        return read(Path.of("/proc/self/limits"),
                List.of(Path.of("/sys/fs/cgroup/pids.max"), Path.of("/sys/fs/cgroup/pids/pids.max")),
                Path.of("/proc/sys/kernel/threads-max"));
    }

    static AnalysisContext.Limit read(Path limits, List<Path> cgroupPidsMax, Path kernelThreadsMax) {
        AnalysisContext.Limit best = null;
        OptionalLong nproc = maxProcesses(text(limits));
        if (nproc.isPresent()) {
            best = lower(best, nproc.getAsLong(), "ulimit -u (max user processes)");
        }
        for (Path p : cgroupPidsMax) {
            OptionalLong pids = number(text(p));
            if (pids.isPresent()) {
                best = lower(best, pids.getAsLong(), "cgroup pids.max");
                break;
            }
        }
        OptionalLong kernel = number(text(kernelThreadsMax));
        if (kernel.isPresent()) {
            best = lower(best, kernel.getAsLong(), "kernel threads-max");
        }
        return best;
    }

    /** The soft "Max processes" of a {@code /proc/<pid>/limits} text; empty when unlimited or absent. */
    static OptionalLong maxProcesses(String limits) {
        if (limits == null) {
            return OptionalLong.empty();
        }
        for (String line : limits.split("\n")) {
            if (line.startsWith("Max processes")) {
                String[] fields = line.substring("Max processes".length()).trim().split("\\s+");
                return fields.length == 0 ? OptionalLong.empty() : number(fields[0]);
            }
        }
        return OptionalLong.empty();
    }

    private static AnalysisContext.Limit lower(AnalysisContext.Limit best, long value, String source) {
        return best == null || value < best.value() ? new AnalysisContext.Limit(value, source) : best;
    }

    /** A positive whole number; empty for "max", "unlimited" or anything else. */
    private static OptionalLong number(String text) {
        if (text == null) {
            return OptionalLong.empty();
        }
        try {
            long n = Long.parseLong(text.trim());
            return n > 0 ? OptionalLong.of(n) : OptionalLong.empty();
        } catch (NumberFormatException e) {
            return OptionalLong.empty();
        }
    }

    /** By lines: on some kernels Files.readString of a procfs file (size 0) returns garbage, here "1" for threads-max. */
    private static String text(Path p) {
        try {
            return Files.isReadable(p) ? String.join("\n", Files.readAllLines(p)) : null;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}
