package dev.precog.agent;

import com.sun.management.HotSpotDiagnosticMXBean;
import dev.precog.model.JvmInfo;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;

/** Facts about the JVM the agent runs in, read once from the platform MXBeans. */
final class LiveJvm {

    private LiveJvm() {}

    static JvmInfo describe() {
        return new JvmInfo(
                ProcessHandle.current().pid(),
                mainClass(),
                System.getProperty("java.runtime.version", System.getProperty("java.version")),
                heapMax(),
                collector());
    }

    /** -Xmx as the JVM reports it, or null if it has no limit. */
    static Long heapMax() {
        long max = Runtime.getRuntime().maxMemory();
        return max == Long.MAX_VALUE ? null : max;
    }

    /** Whether -XX:+HeapDumpOnOutOfMemoryError is set; null when it cannot be told. */
    static Boolean heapDumpOnOutOfMemory() {
        try {
            HotSpotDiagnosticMXBean hotspot = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
            return hotspot == null ? null : Boolean.valueOf(hotspot.getVMOption("HeapDumpOnOutOfMemoryError").getValue());
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** -XX:MaxMetaspaceSize, or null when it is not set (the JVM reports 2^64-1) or cannot be read. */
    static Long maxMetaspace() {
        try {
            HotSpotDiagnosticMXBean hotspot = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
            if (hotspot == null) {
                return null;
            }
            // unsigned in the JVM: the "unlimited" default does not fit a long
            long max = Long.parseUnsignedLong(hotspot.getVMOption("MaxMetaspaceSize").getValue());
            return max > 0 && max < Long.MAX_VALUE / 2 ? max : null;
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static String mainClass() {
        String command = System.getProperty("sun.java.command");
        if (command == null || command.isBlank()) {
            return null;
        }
        return command.trim().split("\\s+")[0];
    }

    private static String collector() {
        StringBuilder names = new StringBuilder();
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            names.append(gc.getName()).append(' ');
        }
        String all = names.toString();
        if (all.contains("G1")) {
            return "G1";
        }
        if (all.contains("ZGC")) {
            return "ZGC";
        }
        if (all.contains("Shenandoah")) {
            return "Shenandoah";
        }
        if (all.contains("PS ")) {
            return "Parallel";
        }
        if (all.contains("Copy") || all.contains("MarkSweepCompact")) {
            return "Serial";
        }
        return all.isBlank() ? null : all.trim();
    }
}
