package dev.precog.analyzer.jfr;

import static org.assertj.core.api.Assertions.assertThat;

import dev.precog.analyzer.evidence.CensusDiff;
import dev.precog.analyzer.evidence.CensusDiff.Growth;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import jdk.jfr.Recording;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * jdk.ThreadStart and jdk.ThreadEnd through a real recording of this test JVM: threads that are
 * started and never end (a leak), threads that end, and a steady pool started before recording.
 * The whole offline path (findings from a service's own recording) is covered by ThreadLeakIT.
 */
class ThreadLifecycleHandlerTest {

    private static final int LEAKED = 80;
    private static final int SHORT_LIVED = 30;
    private static final Duration WINDOW = Duration.ofSeconds(1);

    @TempDir
    static Path dir;

    private static final CountDownLatch RELEASE = new CountDownLatch(1);
    private static final List<Thread> STARTED = new ArrayList<>();
    private static Path file;

    @BeforeAll
    static void record() throws Exception {
        file = dir.resolve("threads.jfr");
        // a steady pool started before the recording: JFR never sees it start
        for (int i = 0; i < 4; i++) {
            start("steady-pool-" + i);
        }
        try (Recording recording = new Recording()) {
            recording.enable(ThreadLifecycleHandler.START);
            recording.enable(ThreadLifecycleHandler.END);
            recording.start();
            // a leaked worker every 10 ms, and every other time a thread that ends at once
            for (int i = 0; i < LEAKED; i++) {
                start("leaky-worker-" + i);
                if (i % 2 == 0 && i / 2 < SHORT_LIVED) {
                    Thread t = new Thread(() -> {}, "short-task-" + i);
                    t.start();
                    t.join();
                }
                Thread.sleep(10);
            }
            recording.stop();
            recording.dump(file);
        }
    }

    @AfterAll
    static void releaseThreads() throws InterruptedException {
        RELEASE.countDown();
        for (Thread t : STARTED) {
            t.join(5_000);
        }
    }

    private static void start(String name) {
        Thread t = new Thread(() -> {
            try {
                RELEASE.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, name);
        t.setDaemon(true);
        t.start();
        STARTED.add(t);
    }

    @Test
    void netStartsPerPatternNameTheLeakedThreads() throws Exception {
        RecordedJvmFacts facts = new RecordedJvmFacts();
        new RecordingFileSource(file, WINDOW).replay(facts, w -> {});
        Instant from = Instant.parse("2025-03-01T12:00:00Z");

        CensusDiff diff = facts.threads().diff(from, from.plusSeconds(4));
        assertThat(diff.basis()).isEqualTo(ThreadLifecycleCollector.BASIS);

        assertThat(facts.threads().events()).isGreaterThanOrEqualTo(LEAKED + 2L * SHORT_LIVED);
        assertThat(diff.growth()).first().isEqualTo(new Growth("leaky-worker-N", LEAKED, LEAKED));
        // threads that ended, and the pool started before the recording, did not grow
        assertThat(diff.growth()).extracting(Growth::name).doesNotContain("short-task-N", "steady-pool-N");
        assertThat(diff.span()).isEqualTo(Duration.ofSeconds(4));
    }

    @Test
    void noThreadEventsGiveNoDiff() {
        assertThat(new ThreadLifecycleCollector().diff(Instant.EPOCH, Instant.EPOCH.plusSeconds(1))).isNull();
    }
}
