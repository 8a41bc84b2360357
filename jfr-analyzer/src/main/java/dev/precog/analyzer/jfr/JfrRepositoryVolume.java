package dev.precog.analyzer.jfr;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.OptionalLong;

/**
 * Bytes JFR has written to its disk repository since this object first looked, which is what a
 * live stream reads back: the chunk files there only grow while written, and old ones are
 * deleted, so the total is the growth of the files seen plus the last size of those gone. Every
 * recording in the JVM shares the repository, so an application's own recording counts too.
 * Called from one thread.
 */
public final class JfrRepositoryVolume {

    /** The system property in which JFR publishes its repository directory once recording starts. */
    static final String REPOSITORY_PROPERTY = "jdk.jfr.repository";

    private final Map<Path, Long> sizes = new HashMap<>();
    private Path repository;
    private long firstSeen = -1;
    private long lastTotal = -1;
    private long ofDeleted;

    /**
     * Bytes written since the first call that found the repository; empty until it could be read.
     * Once the repository is gone (the stream closed and JFR removed it) the last total stands.
     */
    public OptionalLong bytesWritten() {
        String dir = System.getProperty(REPOSITORY_PROPERTY);
        if (dir == null || dir.isBlank()) {
            return OptionalLong.empty();
        }
        Path now = Path.of(dir);
        if (!now.equals(repository)) {
            // moved (jcmd JFR.configure repositorypath=...): the old files are written already
            ofDeleted += sum(sizes);
            sizes.clear();
            repository = now;
        }
        Map<Path, Long> current = new HashMap<>();
        try (DirectoryStream<Path> chunks = Files.newDirectoryStream(now, "*.jfr")) {
            for (Path chunk : chunks) {
                try {
                    current.put(chunk, Files.size(chunk));
                } catch (IOException deletedMeanwhile) {
                    // its last size seen counts below, as for any chunk that is gone
                }
            }
        } catch (IOException e) {
            return lastTotal < 0 ? OptionalLong.empty() : OptionalLong.of(lastTotal - firstSeen);
        }
        sizes.forEach((chunk, last) -> {
            if (!current.containsKey(chunk)) {
                ofDeleted += last;
            }
        });
        sizes.clear();
        sizes.putAll(current);
        long total = ofDeleted + sum(current);
        if (firstSeen < 0) {
            firstSeen = total;
        }
        lastTotal = total;
        return OptionalLong.of(total - firstSeen);
    }

    private static long sum(Map<Path, Long> sizes) {
        long total = 0;
        for (long size : sizes.values()) {
            total += size;
        }
        return total;
    }
}
