package dev.precog.analyzer.detect;

import static org.assertj.core.api.Assertions.assertThat;

import dev.precog.analyzer.evidence.Evidence;
import dev.precog.analyzer.timeline.Timeline;
import dev.precog.analyzer.window.WindowAccumulator;
import dev.precog.model.Finding;
import dev.precog.model.FindingKind;
import dev.precog.model.PoolActivity;
import dev.precog.model.Severity;
import dev.precog.model.Suggestion;
import dev.precog.model.Suspect;
import dev.precog.model.WaitSite;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import org.junit.jupiter.api.Test;

/** Pool samples as the precog.ThreadPool handler records them (one a second), over 10-second windows. */
class ThreadStarvationDetectorTest {

    private static final Instant T0 = Instant.parse("2025-03-01T12:00:00Z");
    private static final Duration WINDOW = Duration.ofSeconds(10);
    private static final String JOB = "com.acme.media.ThumbnailJob";
    private static final String TPE = "java.util.concurrent.ThreadPoolExecutor";
    private static final List<String> FETCH = List.of("java.io.BufferedReader.readLine:396", "com.acme.media.ImageStore.fetch:71");

    private static List<Finding> detect(int windows, BiConsumer<WindowAccumulator, Integer> samples) {
        return detect(windows, WINDOW, samples);
    }

    /** As {@link #detect(int, BiConsumer)}, the last window lasting {@code last} (a recording stops where it stops). */
    private static List<Finding> detect(int windows, Duration last, BiConsumer<WindowAccumulator, Integer> samples) {
        Timeline timeline = AccumulatedWindows.timeline(T0, windows, WINDOW, last, samples);
        AnalysisContext context = new AnalysisContext(timeline, AccumulatedWindows.end(timeline), 4242L, 1L << 30, null,
                Boolean.TRUE, Evidence.NONE);
        return new ThreadStarvationDetector().detect(context);
    }

    /**
     * Ten one-second samples of a pool: {@code busy} workers running, {@code queued} tasks waiting
     * the whole second, {@code perSecond} tasks started and as many plus the rejected ones submitted each second.
     */
    private static void pool(WindowAccumulator acc, int core, int max, int capacity, int busy, int queued, int perSecond,
            int rejectedPerSecond) {
        pool(acc, 10, core, max, capacity, busy, queued, perSecond, rejectedPerSecond);
    }

    /** As the ten-sample {@code pool}, with {@code seconds} one-second samples. */
    private static void pool(WindowAccumulator acc, int seconds, int core, int max, int capacity, int busy, int queued,
            int perSecond, int rejectedPerSecond) {
        for (int s = 0; s < seconds; s++) {
            acc.recordPool(new PoolActivity(7, TPE, "thumbnail-", "com.acme.media.UploadListener.accept:104", queued > 0 ? JOB : null,
                    core, max, Math.max(core, busy), busy, queued, queued, capacity, perSecond + rejectedPerSecond, perSecond,
                    rejectedPerSecond,
                    queued, 1.0, 1));
        }
    }

    @Test
    void aPoolWithEveryWorkerBusyAndAGrowingQueueIsStarvedAndNamesItsTasks() {
        // 2 core workers (max 16, unreachable behind an unbounded queue) run 20 tasks/s of 100 ms each while the queue grows
        List<Finding> findings = detect(6, (acc, i) -> {
            pool(acc, 2, 16, Integer.MAX_VALUE - 100, 2, 40 + 50 * i, 20, 0);
            for (int k = 0; k < 190; k++) {
                acc.recordWait(WaitSite.SOCKET_READ, "images.internal:9000", "com.acme.media.ImageStore", 100, 64,
                        "thumbnail-" + (k % 2 + 1), FETCH, null);
            }
        });

        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.kind()).isEqualTo(FindingKind.THREAD_STARVATION);
            assertThat(f.id()).isEqualTo("pool:thumbnail-*");
            assertThat(f.severity()).isEqualTo(Severity.CRITICAL);
            assertThat(f.summary()).startsWith("Thread pool thumbnail-* is starved: all 2 workers busy while 240 tasks wait on average"
                    + " (up to 290), each about 12s for a worker, in 3 of 3 windows over the last 30s; the queue is growing;"
                    + " queued tasks are " + JOB);
            assertThat(f.evidence()).containsEntry("queueUnbounded", true).containsEntry("workersBusyAverage", 2.0)
                    .containsEntry("tasksStartedPerSecond", 20.0).containsEntry("taskMillis", 100.0)
                    .containsEntry("submittedFrom", "com.acme.media.UploadListener.accept:104");
            @SuppressWarnings("unchecked")
            Map<String, Object> blocked = (Map<String, Object>) f.evidence().get("workersBlockedOn");
            assertThat(blocked).containsEntry("resource", "images.internal:9000").containsEntry("ownerType", "com.acme.media.ImageStore");
            assertThat((double) blocked.get("shareOfBusyWorkers")).isGreaterThan(0.9);
            assertThat(f.suspects()).extracting(Suspect::className)
                    .containsExactly(JOB, "com.acme.media.UploadListener", "com.acme.media.ImageStore");
            assertThat(f.suggestions()).extracting(Suggestion::action).containsSubsequence(
                    "The workers wait rather than work: fix the socket read on images.internal:9000 first",
                    "Raise corePoolSize: this pool never grows past it",
                    "Bound the queue and choose what happens when it is full",
                    "See what the workers are doing");
            assertThat(f.suggestions()).filteredOn(s -> s.action().startsWith("Raise corePoolSize"))
                    .extracting(Suggestion::command).containsExactly("pool.setCorePoolSize(3)");
        });
    }

    @Test
    void aBoundedPoolThatRejectsWorkIsToldHowManyWorkersItsLoadNeeds() {
        // 4 workers of 4 at 250 ms a task manage 16/s; 30/s arrive, the 100-slot queue is full, 14/s are turned away
        List<Finding> findings = detect(6, (acc, i) -> pool(acc, 4, 4, 0, 4, 100, 16, 14));

        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.CRITICAL);
            assertThat(f.summary()).contains("tasks rejected");
            assertThat(f.evidence()).containsEntry("queueUnbounded", false).containsEntry("workersNeeded", 10);
            assertThat(f.suggestions()).extracting(Suggestion::command)
                    .contains("pool.setMaximumPoolSize(10); pool.setCorePoolSize(10)");
            assertThat(f.suggestions()).extracting(Suggestion::action)
                    .doesNotContain("Bound the queue and choose what happens when it is full");
        });
    }

    @Test
    void aPoolWhoseWorkersHaveNoNameYetIsNamedByItsClass() {
        List<Finding> findings = detect(6, (acc, i) -> {
            for (int s = 0; s < 10; s++) {
                acc.recordPool(new PoolActivity(7, TPE, null, null, null, 2, 2, 2, 2, 50, 50, Integer.MAX_VALUE, 20, 20, 0, 50,
                        1.0, 1));
            }
        });
        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.id()).isEqualTo("pool:" + TPE + "#7");
            assertThat(f.evidence()).doesNotContainKeys("threadNamePrefix", "taskClass", "submittedFrom");
            assertThat(f.suspects()).isEmpty();
            assertThat(f.suggestions()).extracting(Suggestion::command).contains("jcmd 4242 Thread.print");
        });
    }

    @Test
    void twoStarvedPoolsWhoseWorkersShareANameAreTwoFindings() {
        List<Finding> findings = detect(6, (acc, i) -> {
            for (int s = 0; s < 10; s++) {
                for (long id : new long[] {3, 4}) {
                    acc.recordPool(new PoolActivity(id, TPE, "pool-", null, null, 1, 1, 1, 1, 20, 20, Integer.MAX_VALUE, 10, 10,
                            0, 20, 1.0, 1));
                }
            }
        });
        assertThat(findings).extracting(Finding::id).containsExactly("pool:pool-*#3", "pool:pool-*#4");
    }

    @Test
    void aCorePoolSizeAboveTheMaximumIsSuggestedWithTheMaximumFirst() {
        // 2 core of at most 3 workers run 20 tasks/s of 100 ms each while 40/s arrive: 5 workers needed
        List<Finding> findings = detect(6, (acc, i) -> {
            for (int s = 0; s < 10; s++) {
                int queued = 200 * i + 20 * s;
                acc.recordPool(new PoolActivity(7, TPE, "thumbnail-", null, JOB, 2, 3, 2, 2, queued, queued, Integer.MAX_VALUE,
                        40, 20, 0, queued, 1.0, 1));
            }
        });
        assertThat(findings.get(0).suggestions()).extracting(Suggestion::command)
                .contains("pool.setMaximumPoolSize(5); pool.setCorePoolSize(5)");
    }

    @Test
    void busyWorkersWithAnEmptyQueueAreAPoolAtWorkNotAStarvedOne() {
        assertThat(detect(6, (acc, i) -> pool(acc, 8, 8, Integer.MAX_VALUE, 8, 0, 80, 0))).isEmpty();
    }

    @Test
    void aQueueBehindIdleWorkersIsNotStarvation() {
        // tasks wait while half the workers are free: a pool between bursts, not short of threads
        // (each waits 250 ms, long enough to count: only the free workers keep it from being starvation)
        assertThat(detect(6, (acc, i) -> pool(acc, 8, 8, Integer.MAX_VALUE, 4, 10, 40, 0))).isEmpty();
    }

    @Test
    void aShortBurstOfQueueingIsNoFinding() {
        List<Finding> findings = detect(6, (acc, i) -> {
            if (i == 4) {
                pool(acc, 2, 2, Integer.MAX_VALUE, 2, 30, 20, 0);
            } else {
                pool(acc, 2, 2, Integer.MAX_VALUE, 1, 0, 10, 0);
            }
        });
        assertThat(findings).isEmpty();
    }

    @Test
    void starvationInTheLastWindowAndTheSecondARecordingStopsOnIsNoFinding() {
        // starved in the last whole window and in the one second sampled after it: two windows of the last
        // four, but 11 s of the 31 s sampled
        BiConsumer<WindowAccumulator, Integer> starvedAtTheEnd = (acc, i) -> {
            if (i == 5) {
                pool(acc, 1, 2, 2, Integer.MAX_VALUE, 2, 30, 20, 0);
            } else {
                pool(acc, 2, 2, Integer.MAX_VALUE, i == 4 ? 2 : 1, i == 4 ? 30 : 0, i == 4 ? 20 : 10, 0);
            }
        };

        assertThat(detect(6, Duration.ofSeconds(1), starvedAtTheEnd)).isEmpty();
        assertThat(detect(6, (acc, i) -> {
            if (i >= 4) {
                pool(acc, 2, 2, Integer.MAX_VALUE, 2, 30, 20, 0);
            } else {
                pool(acc, 2, 2, Integer.MAX_VALUE, 1, 0, 10, 0);
            }
        })).singleElement().satisfies(f -> assertThat((String) f.evidence().get("confidenceReason"))
                .startsWith("all workers busy with tasks waiting for 67% of the time sampled (2 of 3 windows)"));
    }

    @Test
    void tasksThatWaitOnlyAMomentForAWorkerAreNotStarved() {
        // every worker busy and a task or two in the queue, but each waits 20 ms: a well-used pool
        assertThat(detect(6, (acc, i) -> pool(acc, 4, 4, Integer.MAX_VALUE, 4, 1, 50, 0))).isEmpty();
    }
}
