package dev.precog.it.throughput;

import dev.precog.it.harness.ChildJvm;
import dev.precog.it.harness.Jdk;
import dev.precog.it.workload.BusyTradingService;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Makes a large real recording for the analyzer-throughput benchmark ({@link AnalyzerThroughput}):
 * runs {@link BusyTradingService} under JFR's default settings plus high-volume events
 * (throughput/high-volume.jfc), copying each chunk out of the recording's repository as JFR
 * completes it, until the file reaches the target size.
 */
final class ThroughputRecording {

    private static final Duration TIMEOUT = Duration.ofHours(1);
    private static final long MB = 1024 * 1024;
    /** Where a chunk header holds the chunk's size, final once the chunk is complete. */
    private static final int CHUNK_SIZE_OFFSET = 8;

    private ThroughputRecording() {}

    /** The JDK to record on: the home in {@code precog.throughput.jdk}, or the one running this. */
    static Jdk recordingJdk() {
        String jdkHome = System.getProperty("precog.throughput.jdk", "").trim();
        return jdkHome.isEmpty() ? Jdk.all().get(0) : new Jdk(Path.of(jdkHome).getFileName().toString(), Path.of(jdkHome));
    }

    /** Records on {@code jdk} until {@code out} holds {@code targetBytes} of complete chunks; an existing file is replaced. */
    static void record(Jdk jdk, long targetBytes, Path out) throws IOException, InterruptedException {
        Path dir = Files.createDirectories(out.getParent().resolve(out.getFileName() + ".work"));
        Path repository = Files.createDirectories(dir.resolve("repository"));
        Path settings = copySettings(dir);

        System.out.printf(Locale.ROOT, "[throughput] recording %s on %s until %d MB%n", out, jdk.name(), targetBytes / MB);
        long started = System.nanoTime();
        try (ChildJvm child = ChildJvm.on(jdk, dir).jvmArgs(
                        "-Xmx512m", "-XX:+UseG1GC",
                        // small fixed TLABs: a refill, and so an allocation event, every 2 KB of garbage
                        "-XX:-ResizeTLAB", "-XX:TLABSize=2k",
                        "-XX:FlightRecorderOptions:repository=" + repository,
                        "-XX:StartFlightRecording=settings=default,settings=" + settings)
                .start(BusyTradingService.class, "2");
                OutputStream file = Files.newOutputStream(out)) {
            // JFR deletes old chunks from its repository as it goes, so each one is copied out when
            // it is complete: a recording file is its chunks one after the other
            Set<Path> copied = new HashSet<>();
            long size = 0;
            long nextReport = 0;
            while (size < targetBytes) {
                if (!child.isAlive()) {
                    throw new IllegalStateException("the workload exited early\n" + child.describe());
                }
                if (elapsed(started) > TIMEOUT.toSeconds()) {
                    throw new IllegalStateException("no " + targetBytes / MB + " MB after " + TIMEOUT + "\n" + child.describe());
                }
                for (Path chunk : completeChunks(repository)) {
                    if (copied.add(chunk)) {
                        size += Files.copy(chunk, file);
                    }
                }
                if (elapsed(started) >= nextReport) {
                    System.out.printf(Locale.ROOT, "[throughput]   %.0f s: %d MB%n", elapsed(started), size / MB);
                    nextReport += 30;
                }
                Thread.sleep(200);
            }
            child.stop();
        }
        double seconds = elapsed(started);
        System.out.printf(Locale.ROOT, "[throughput] wrote %s: %d MB in %.0f s (%.1f MB/s)%n", out, Files.size(out) / MB, seconds,
                Files.size(out) / (double) MB / seconds);
        deleteTree(repository);
    }

    /**
     * The repository's chunk files that JFR has finished writing, oldest first: every one but the
     * newest, whose header gives its final size (a chunk in progress says 0 or less than it holds).
     */
    private static List<Path> completeChunks(Path repository) throws IOException {
        List<Path> chunks;
        try (Stream<Path> files = Files.walk(repository)) {
            chunks = files.filter(p -> p.toString().endsWith(".jfr")).sorted().toList();
        } catch (UncheckedIOException e) {
            return List.of(); // a chunk was deleted while we walked; the next look will do
        }
        List<Path> complete = new ArrayList<>();
        for (Path chunk : chunks.subList(0, Math.max(0, chunks.size() - 1))) {
            try (FileChannel channel = FileChannel.open(chunk, StandardOpenOption.READ)) {
                ByteBuffer header = ByteBuffer.allocate(16);
                if (channel.read(header, 0) == 16 && header.getLong(CHUNK_SIZE_OFFSET) == channel.size()) {
                    complete.add(chunk);
                }
            } catch (NoSuchFileException e) {
                // removed by JFR before we got to it: a gap in the recording, nothing worse
            }
        }
        return complete;
    }

    private static Path copySettings(Path dir) throws IOException {
        Path target = dir.resolve("high-volume.jfc");
        try (InputStream in = ThroughputRecording.class.getResourceAsStream("/throughput/high-volume.jfc")) {
            if (in == null) {
                throw new IllegalStateException("throughput/high-volume.jfc is missing from the test resources");
            }
            Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
        }
        return target;
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    private static double elapsed(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1e9;
    }
}
