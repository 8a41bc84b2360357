package dev.precog.analyzer.jfr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.precog.analyzer.window.WindowAccumulator;
import dev.precog.model.Metric;
import dev.precog.model.Window;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * jdk.ThreadCPULoad through a real recording of this test JVM while three threads work: a window
 * holds what all Java threads used in one batch, not one thread's share and not a running total.
 */
class ThreadCpuLoadHandlerTest {

    @TempDir
    static Path dir;

    private static List<RecordedEvent> events;
    /** Each batch's events by its time: the threads' loads the JVM reported at one moment. */
    private static Map<Instant, List<RecordedEvent>> batches;

    @BeforeAll
    static void record() throws Exception {
        Path file = dir.resolve("threads-cpu.jfr");
        try (Recording recording = new Recording()) {
            recording.enable(ThreadCpuLoadHandler.EVENT).withPeriod(Duration.ofMillis(250));
            recording.start();
            long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(2000);
            List<Thread> threads = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                Thread t = new Thread(() -> {
                    long x = 0;
                    while (System.nanoTime() < end) {
                        for (int k = 0; k < 200_000; k++) {
                            x += k * 31L ^ x;
                        }
                        // leave the machine some room: the load only has to be more than nothing
                        LockSupport.parkNanos(TimeUnit.MICROSECONDS.toNanos(200));
                    }
                    if (x == 42) {
                        System.out.println(x);
                    }
                }, "worker-" + i);
                t.start();
                threads.add(t);
            }
            for (Thread t : threads) {
                t.join();
            }
            recording.stop();
            recording.dump(file);
        }
        events = RecordingFile.readAllEvents(file);
        batches = new TreeMap<>();
        for (RecordedEvent e : events) {
            batches.computeIfAbsent(e.getStartTime(), k -> new ArrayList<>()).add(e);
        }
    }

    private static double load(RecordedEvent e) {
        return e.getDouble("user") + e.getDouble("system");
    }

    private static double sum(List<RecordedEvent> batch) {
        return batch.stream().mapToDouble(ThreadCpuLoadHandlerTest::load).sum();
    }

    @Test
    void aWindowHoldsWhatAllJavaThreadsUsedInItsBusiestBatch() {
        WindowAccumulator sink = new WindowAccumulator(Instant.EPOCH);
        ThreadCpuLoadHandler handler = new ThreadCpuLoadHandler(sink);
        events.forEach(handler::accept);
        Window w = sink.close(Instant.now());

        double busiest = batches.values().stream().mapToDouble(ThreadCpuLoadHandlerTest::sum).max().orElseThrow();
        double busiestThread = events.stream().mapToDouble(ThreadCpuLoadHandlerTest::load).max().orElseThrow();
        assertThat(batches.values()).anySatisfy(b -> assertThat(b).hasSizeGreaterThanOrEqualTo(3));
        assertThat(w.value(Metric.CPU_JAVA_THREADS)).hasValueCloseTo(busiest, within(1e-9));
        // three workers ran: the whole is more than its busiest thread
        assertThat(busiest).isGreaterThan(busiestThread);
    }

    @Test
    void eachBatchIsSummedOnItsOwn() {
        WindowAccumulator sink = new WindowAccumulator(Instant.EPOCH);
        ThreadCpuLoadHandler handler = new ThreadCpuLoadHandler(sink);
        for (List<RecordedEvent> batch : batches.values()) {
            batch.forEach(handler::accept);
            Window w = sink.close(Instant.now());

            assertThat(w.value(Metric.CPU_JAVA_THREADS)).hasValueCloseTo(sum(batch), within(1e-9));
        }
        assertThat(batches).hasSizeGreaterThanOrEqualTo(4);
    }
}
