package dev.precog.host;

import java.nio.file.Files;
import java.nio.file.Path;

/** Chooses where host and process metrics come from: /proc where the JVM can read it, OSHI elsewhere or when asked. */
public final class HostMetricsSources {

    /** Why /proc is read on Linux although OSHI is there, and how to have OSHI instead; shown as the source. */
    static final String LINUX_DEFAULT = "the default on Linux, no native library; hostMetrics=oshi for OSHI";

    private HostMetricsSources() {
    }

    /**
     * On Linux, a source reading /proc with the JDK alone unless {@code oshi} asks for OSHI: the same files OSHI
     * reads there, without mapping JNA's native stub into the application's process or paying for OSHI's start
     * (its classes, their compilation and its first look at the system). Elsewhere, or when asked, OSHI through
     * {@link OshiHostMetricsSource#create()}, which falls back on /proc where OSHI cannot load. Never throws.
     */
    public static HostMetricsSource open(boolean oshi) {
        return open(oshi, Path.of("/proc"));
    }

    static HostMetricsSource open(boolean oshi, Path proc) {
        if (!oshi && Files.isReadable(proc.resolve("self/status"))) {
            return new ProcfsHostMetricsSource(LINUX_DEFAULT, proc);
        }
        return OshiHostMetricsSource.create();
    }
}
