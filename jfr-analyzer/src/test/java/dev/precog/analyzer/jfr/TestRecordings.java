package dev.precog.analyzer.jfr;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import jdk.jfr.Recording;

/**
 * A real recording of this test JVM, made once per test run: about two seconds of allocation
 * with a few explicit collections, GC and heap events, CPU load every 100 ms and the JVM facts.
 */
public final class TestRecordings {

    /** Explicit collections requested while recording. */
    public static final int EXPLICIT_GCS = 5;

    private static final Duration LENGTH = Duration.ofMillis(2200);
    private static Path gcRecording;
    private static volatile Object sink;

    private TestRecordings() {}

    /** The recording, made on first use and deleted when the test JVM exits. */
    public static synchronized Path gcRecording() {
        if (gcRecording == null) {
            try {
                gcRecording = record();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return gcRecording;
    }

    private static Path record() throws IOException {
        Path dir = Files.createTempDirectory("precog-jfr-test");
        dir.toFile().deleteOnExit();
        Path file = dir.resolve("gc.jfr");
        file.toFile().deleteOnExit();
        try (Recording recording = new Recording()) {
            recording.setName("precog-test");
            recording.enable("jdk.GarbageCollection");
            recording.enable("jdk.GCHeapSummary");
            recording.enable("jdk.CPULoad").withPeriod(Duration.ofMillis(100));
            // what OfflineAnalysis reads about the recorded JVM: pid, collectors, max heap
            recording.enable("jdk.JVMInformation").with("period", "beginChunk");
            recording.enable("jdk.GCConfiguration").with("period", "beginChunk");
            recording.enable("jdk.GCHeapConfiguration").with("period", "beginChunk");
            recording.start();
            long start = System.nanoTime();
            long gcEvery = LENGTH.toNanos() / (EXPLICIT_GCS + 1);
            int gcs = 0;
            while (System.nanoTime() - start < LENGTH.toNanos()) {
                allocateGarbage();
                if (gcs < EXPLICIT_GCS && System.nanoTime() - start >= (gcs + 1) * gcEvery) {
                    System.gc();
                    gcs++;
                }
                // pace the workload, so it leaves CPU to whatever else runs on the machine
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1));
            }
            recording.stop();
            recording.dump(file);
        }
        return file;
    }

    private static void allocateGarbage() {
        Object[] chunk = new Object[64];
        for (int i = 0; i < chunk.length; i++) {
            chunk[i] = new byte[4096];
        }
        sink = chunk;
    }
}
