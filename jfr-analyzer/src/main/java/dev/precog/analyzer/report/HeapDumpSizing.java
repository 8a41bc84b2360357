package dev.precog.analyzer.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What a heap dump of live objects costs: the file's size, the time the JVM stops, the disk it
 * needs. Estimates by stated rules, meant to err large: a dump that does not fit is worse than
 * one refused that would have fitted.
 */
public final class HeapDumpSizing {

    private static final double MB = 1024.0 * 1024;

    /**
     * File bytes per byte of live heap. A heap of byte arrays dumps at about 1.0; one of many
     * small objects at 1.4 or more, since HPROF writes 8-byte ids for 4-byte compressed
     * references and a 25-byte header per instance for the heap's 12.
     */
    public static final double FILE_PER_LIVE_BYTE = 1.5;
    /** Class, name, thread and root records beside the objects. */
    public static final long FILE_EXTRA_BYTES = 16L * 1024 * 1024;
    /** A full collection's pace through the live set (GC.heap_dump collects before it writes). */
    public static final double FULL_GC_BYTES_PER_SECOND = 256 * MB;
    /** Writing the file: one thread, an ordinary disk once the page cache is full. */
    public static final double WRITE_BYTES_PER_SECOND = 128 * MB;
    /** The disk must keep this much free beside the dump, for the application's own files. */
    public static final long DISK_SPARE_BYTES = 256L * 1024 * 1024;
    /** ... or this share of the dump, when that is more. */
    public static final double DISK_SPARE_FRACTION = 0.10;

    private HeapDumpSizing() {}

    /** Expected size of the dump file for {@code liveSetBytes} of live objects. */
    public static long dumpBytes(double liveSetBytes) {
        return Math.round(Math.max(0, liveSetBytes) * FILE_PER_LIVE_BYTE) + FILE_EXTRA_BYTES;
    }

    /**
     * Expected time the JVM stops: a full collection of the live set, or as long as the class
     * histograms took when Precog measured them (the same full collection and heap walk), and
     * writing {@code dumpBytes}.
     *
     * @param measuredFullGcSeconds mean pause of the class histograms taken, 0 when none
     */
    public static double pauseSeconds(double liveSetBytes, long dumpBytes, double measuredFullGcSeconds) {
        double collect = Math.max(Math.max(0, liveSetBytes) / FULL_GC_BYTES_PER_SECOND, measuredFullGcSeconds);
        return collect + dumpBytes / WRITE_BYTES_PER_SECOND;
    }

    /** Usable disk bytes a dump of {@code dumpBytes} needs: the dump and something to spare. */
    public static long requiredFreeBytes(long dumpBytes) {
        return dumpBytes + Math.max(DISK_SPARE_BYTES, Math.round(dumpBytes * DISK_SPARE_FRACTION));
    }

    /**
     * Usable bytes on the file store of {@code dir} (or of its nearest existing parent, when it
     * is not created yet); null when that cannot be told.
     */
    public static Long usableBytes(Path dir) {
        try {
            Path existing = dir.toAbsolutePath().normalize();
            while (existing != null && !Files.exists(existing)) {
                existing = existing.getParent();
            }
            return existing == null ? null : Files.getFileStore(existing).getUsableSpace();
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}
