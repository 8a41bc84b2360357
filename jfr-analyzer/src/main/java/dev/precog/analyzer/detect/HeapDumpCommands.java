package dev.precog.analyzer.detect;

import java.nio.file.Path;

/** The exact commands an operator runs to capture heap evidence. */
public final class HeapDumpCommands {

    private HeapDumpCommands() {}

    /** Where the dump goes: the dump directory (absolute) or the current one. */
    public static Path dumpFile(AnalysisContext context) {
        Path dir = context.dumpDirectory() == null ? Path.of(".") : context.dumpDirectory();
        return dir.toAbsolutePath().normalize().resolve("precog-heap-" + context.pidOrPlaceholder() + ".hprof");
    }

    /** {@code jcmd <pid> GC.heap_dump <file>}: dumps live objects (after a full GC). */
    public static String jcmdHeapDump(AnalysisContext context) {
        return "jcmd " + context.pidOrPlaceholder() + " GC.heap_dump " + dumpFile(context);
    }

    /**
     * The same dump through JMX: the HotSpotDiagnostic MXBean's {@code dumpHeap(file, live)},
     * which any JMX client (JConsole, jmxterm) can invoke on a HotSpot JVM.
     */
    public static String hotSpotDumpHeap(AnalysisContext context) {
        return "com.sun.management:type=HotSpotDiagnostic dumpHeap(\"" + dumpFile(context) + "\", true)";
    }

    /** The JVM flags that keep a dump if the heap runs out. */
    public static String onOutOfMemoryFlags(AnalysisContext context) {
        Path dir = context.dumpDirectory() == null ? Path.of(".") : context.dumpDirectory();
        return "-XX:+HeapDumpOnOutOfMemoryError -XX:HeapDumpPath=" + dir.toAbsolutePath().normalize();
    }
}
