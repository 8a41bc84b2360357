package dev.precog.agent;

import com.sun.management.HotSpotDiagnosticMXBean;
import dev.precog.analyzer.report.Format;
import dev.precog.analyzer.report.HeapDumpSizing;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Writes heap dumps that no other user can ever open: the JVM writes into a fresh directory
 * only the owner can enter (rwx------), the file is set to rw------- there, and only then is it
 * published under its final name, on the same file store, atomically and without replacing an
 * existing file. One dump at a time.
 */
final class HeapDumper {

    /** Writes a dump of the live objects to a file that does not exist yet. */
    @FunctionalInterface
    interface Dump {
        void write(Path file) throws IOException;
    }

    /** The usable bytes of a directory's file store, null when unknown. */
    @FunctionalInterface
    interface DiskSpace {
        Long usableBytes(Path dir);
    }

    /**
     * A dump written and published.
     *
     * @param seconds how long the JVM took to write it (its pause included)
     * @param ownerOnly whether only the owner can read it (false where the file system has no POSIX permissions)
     */
    record Written(Path file, long bytes, double seconds, boolean ownerOnly) {}

    static final Set<PosixFilePermission> OWNER_ONLY_FILE = PosixFilePermissions.fromString("rw-------");
    private static final Set<PosixFilePermission> OWNER_ONLY_DIR = PosixFilePermissions.fromString("rwx------");
    /** Numbered names tried beside an existing file before giving up. */
    private static final int MAX_NAMES = 100;

    private final Dump dump;
    private final Object lock = new Object();

    HeapDumper(Dump dump) {
        this.dump = dump;
    }

    /** Dumps through the HotSpotDiagnostic MXBean, live objects only (a full collection first). */
    static HeapDumper hotSpot() {
        return new HeapDumper(file -> {
            HotSpotDiagnosticMXBean hotspot = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
            if (hotspot == null) {
                throw new IOException("this JVM has no HotSpotDiagnostic MXBean to dump its heap with");
            }
            hotspot.dumpHeap(file.toString(), true);
        });
    }

    /**
     * Why the disk where {@code target} goes cannot take a dump of about {@code estimatedBytes},
     * or null when it can.
     */
    static String lackOfRoom(Path target, long estimatedBytes, Long usable) {
        long needed = HeapDumpSizing.requiredFreeBytes(estimatedBytes);
        if (usable == null) {
            return "the usable disk space in " + target.getParent() + " cannot be read, so a dump of about "
                    + Format.bytes(estimatedBytes) + " might not fit";
        }
        if (usable < needed) {
            return "only " + Format.bytes(usable) + " is usable in " + target.getParent() + ", and a dump needs about "
                    + Format.bytes(needed) + " (an estimated " + Format.bytes(estimatedBytes) + " file and "
                    + Format.bytes(needed - estimatedBytes) + " to spare)";
        }
        return null;
    }

    /**
     * Writes the dump and publishes it as {@code target}, or as {@code target} numbered
     * ({@code -2}, {@code -3}, ...) when a file of that name exists. Nothing is left behind when
     * it fails.
     */
    Written dump(Path target) throws IOException {
        synchronized (lock) {
            Path dir = target.toAbsolutePath().getParent();
            Files.createDirectories(dir);
            boolean posix = Files.getFileStore(dir).supportsFileAttributeView(PosixFileAttributeView.class);
            Path privateDir = posix
                    ? Files.createTempDirectory(dir, ".precog-dump-", PosixFilePermissions.asFileAttribute(OWNER_ONLY_DIR))
                    : Files.createTempDirectory(dir, ".precog-dump-");
            Path file = privateDir.resolve(target.getFileName());
            try {
                long started = System.nanoTime();
                dump.write(file);
                double seconds = (System.nanoTime() - started) / 1e9;
                if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
                    throw new IOException("the JVM reported a dump but wrote no file at " + file);
                }
                if (posix) {
                    Files.setPosixFilePermissions(file, OWNER_ONLY_FILE);
                }
                long bytes = Files.size(file);
                return new Written(publish(file, target.toAbsolutePath()), bytes, seconds, posix);
            } finally {
                Files.deleteIfExists(file);
                Files.deleteIfExists(privateDir);
            }
        }
    }

    /**
     * A hard link is atomic and never replaces a file; where the file system has none, an atomic
     * rename after checking the name is free. The private copy is removed by the caller.
     */
    private static Path publish(Path file, Path target) throws IOException {
        for (int n = 1; n <= MAX_NAMES; n++) {
            Path candidate = n == 1 ? target : numbered(target, n);
            try {
                Files.createLink(candidate, file);
                return candidate;
            } catch (FileAlreadyExistsException taken) {
                // try the next name
            } catch (UnsupportedOperationException | IOException noLinks) {
                if (Files.exists(candidate, LinkOption.NOFOLLOW_LINKS)) {
                    continue;
                }
                Files.move(file, candidate, StandardCopyOption.ATOMIC_MOVE);
                return candidate;
            }
        }
        throw new FileAlreadyExistsException(target.toString(), null, "it and " + (MAX_NAMES - 1) + " numbered names beside it exist");
    }

    private static Path numbered(Path target, int n) {
        String name = target.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String numbered = dot < 0 ? name + "-" + n : name.substring(0, dot) + "-" + n + name.substring(dot);
        return target.resolveSibling(numbered);
    }
}
