package dev.precog.analyzer.jfr;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.ref.Reference;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.ParseException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;
import jdk.jfr.Configuration;
import jdk.jfr.Recording;

/**
 * Real recordings of this test JVM, each made once per test run: {@link #gcRecording()}, about two
 * seconds of allocation with {@link #EXPLICIT_GCS} explicit collections, GC and heap events, CPU load every 100 ms
 * and the JVM facts; {@link #growingHeapRecording()}, the same for four seconds with a heap that
 * grows at each collection and no CPU load; {@link #busyRecording()}, three seconds of lock contention and
 * garbage under JFR's "profile" settings plus events Precog does not read.
 */
public final class TestRecordings {

    /**
     * Explicit collections requested while recording, each a heap point. In very short windows the heap's
     * points can still collapse into one when JFR's file order puts the collector's buffer after the
     * periodic thread's (see ForecastBacktestTest), so a test that needs a series takes whichever survived.
     */
    public static final int EXPLICIT_GCS = 16;

    private static final Duration LENGTH = Duration.ofMillis(2200);
    private static final Duration BUSY_LENGTH = Duration.ofSeconds(3);
    /**
     * Rounds each of the busy recording's four threads makes at least: 10,000 park events in all, so
     * a replay reports its progress more than once (every 4,096 events) even on a machine busy enough
     * to slow the rounds (once the recording held a few thousand events, and one report).
     */
    private static final int MIN_BUSY_ROUNDS = 2500;
    private static Path gcRecording;
    private static Path growingHeapRecording;
    private static Path busyRecording;
    private static volatile Object sink;

    private TestRecordings() {}

    /** The recording, made on first use and deleted when the test JVM exits. */
    public static synchronized Path gcRecording() {
        if (gcRecording == null) {
            try {
                gcRecording = record("gc.jfr", 0, LENGTH, EXPLICIT_GCS, true, true);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return gcRecording;
    }

    /**
     * Like {@link #gcRecording()}, but four seconds with 40 explicit collections, each finding half a
     * megabyte more kept alive, and no garbage between them: a heap that grows by a straight line, point
     * by point, with enough points before and after its later levels to time them. No CPU load is
     * recorded: JFR flushes the periodic thread's buffer and the collector's about once a second, and
     * where it wrote the CPU's first, that second's collections all came after the windows they fell in
     * and landed in one (a CI run found too few heap points for a series).
     */
    public static synchronized Path growingHeapRecording() {
        if (growingHeapRecording == null) {
            try {
                growingHeapRecording = record("growing-heap.jfr", 512 * 1024, Duration.ofSeconds(4), 40, false, false);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return growingHeapRecording;
    }

    /**
     * Three seconds of four threads contending on a monitor and a ReentrantLock while making
     * garbage, under JFR's "profile" settings with every wait and every TLAB refill recorded: most
     * of the file is events no handler reads, and every handled kind is there.
     */
    public static synchronized Path busyRecording() {
        if (busyRecording == null) {
            try {
                busyRecording = recordBusy();
            } catch (IOException | ParseException | InterruptedException e) {
                throw new IllegalStateException("cannot make the busy test recording", e);
            }
        }
        return busyRecording;
    }

    private static Path recordBusy() throws IOException, ParseException, InterruptedException {
        Path dir = Files.createTempDirectory("precog-jfr-test");
        dir.toFile().deleteOnExit();
        Path file = dir.resolve("busy.jfr");
        file.toFile().deleteOnExit();
        Object monitor = new Object();
        ReentrantLock lock = new ReentrantLock();
        try (Recording recording = new Recording(Configuration.getConfiguration("profile"))) {
            recording.enable("jdk.JavaMonitorEnter").withThreshold(Duration.ZERO).withStackTrace();
            recording.enable("jdk.ThreadPark").withThreshold(Duration.ZERO).withStackTrace();
            recording.enable("jdk.ObjectAllocationInNewTLAB").withStackTrace();
            recording.enable("jdk.ExecutionSample").withPeriod(Duration.ofMillis(10));
            recording.start();
            long end = System.nanoTime() + BUSY_LENGTH.toNanos();
            List<Thread> threads = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                Thread t = new Thread(() -> {
                    // at least so many rounds, each at least one park event, however slow a busy machine makes them
                    for (int round = 0; System.nanoTime() < end || round < MIN_BUSY_ROUNDS; round++) {
                        synchronized (monitor) {
                            allocateGarbage();
                        }
                        lock.lock();
                        try {
                            allocateGarbage();
                        } finally {
                            lock.unlock();
                        }
                        // pace the workload, so it leaves CPU to whatever else runs on the machine
                        LockSupport.parkNanos(TimeUnit.MICROSECONDS.toNanos(200));
                    }
                }, "busy-" + i);
                t.start();
                threads.add(t);
            }
            for (Thread t : threads) {
                t.join();
            }
            recording.stop();
            recording.dump(file);
        }
        return file;
    }

    /**
     * Records {@code length} with {@code gcCount} explicit collections, each keeping {@code keptPerGc} more bytes,
     * young-generation garbage between them when {@code garbage}, and the CPU load every 100 ms when
     * {@code cpuLoad}. Without garbage only the explicit collections run: young pauses start concurrent cycles,
     * whose events JFR may write a second ahead of the collections before them in file order, and in 100-ms
     * windows that moved the growing heap's points (a CI run saw a line taken for a level at every origin).
     */
    private static Path record(String name, int keptPerGc, Duration length, int gcCount, boolean garbage, boolean cpuLoad)
            throws IOException {
        Path dir = Files.createTempDirectory("precog-jfr-test");
        dir.toFile().deleteOnExit();
        Path file = dir.resolve(name);
        file.toFile().deleteOnExit();
        List<byte[]> kept = new ArrayList<>();
        try (Recording recording = new Recording()) {
            recording.setName("precog-test");
            recording.enable("jdk.GarbageCollection");
            recording.enable("jdk.GCHeapSummary");
            if (cpuLoad) {
                recording.enable("jdk.CPULoad").withPeriod(Duration.ofMillis(100));
            }
            // what OfflineAnalysis reads about the recorded JVM: pid, collectors, max heap
            recording.enable("jdk.JVMInformation").with("period", "beginChunk");
            recording.enable("jdk.GCConfiguration").with("period", "beginChunk");
            recording.enable("jdk.GCHeapConfiguration").with("period", "beginChunk");
            recording.start();
            long start = System.nanoTime();
            long gcEvery = length.toNanos() / (gcCount + 1);
            int gcs = 0;
            while (System.nanoTime() - start < length.toNanos()) {
                if (garbage) {
                    allocateGarbage();
                }
                if (gcs < gcCount && System.nanoTime() - start >= (gcs + 1) * gcEvery) {
                    kept.add(new byte[keptPerGc]);
                    System.gc();
                    gcs++;
                }
                // pace the workload, so it leaves CPU to whatever else runs on the machine
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1));
            }
            recording.stop();
            recording.dump(file);
        }
        Reference.reachabilityFence(kept);
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
