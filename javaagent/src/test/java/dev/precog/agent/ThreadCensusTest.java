package dev.precog.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.precog.analyzer.evidence.Census;
import dev.precog.model.Finding;
import dev.precog.model.FindingKind;
import dev.precog.model.Severity;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

class ThreadCensusTest {

    @Test
    void countsThisJvmsLiveThreadsByNamePattern() throws InterruptedException {
        CountDownLatch release = new CountDownLatch(1);
        List<Thread> probes = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            Thread t = new Thread(() -> {
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }, "census-probe-" + i);
            t.setDaemon(true);
            t.start();
            probes.add(t);
        }
        try {
            Census census = ThreadCensus.take();

            assertThat(census.counts()).containsEntry("census-probe-N", 3L).containsKey("main");
            assertThat(census.counts().values().stream().mapToLong(Long::longValue).sum())
                    .isCloseTo(Thread.getAllStackTraces().size(), within(5L));
        } finally {
            release.countDown();
            for (Thread t : probes) {
                t.join(5_000);
            }
        }
    }

    @Test
    void onlyAThreadLeakCallsForACensus() {
        assertThat(ThreadCensus.wanted(List.of(finding(FindingKind.MEMORY_LEAK)))).isFalse();
        assertThat(ThreadCensus.wanted(List.of(finding(FindingKind.MEMORY_LEAK), finding(FindingKind.THREAD_LEAK)))).isTrue();
        assertThat(ThreadCensus.wanted(List.of())).isFalse();
    }

    private static Finding finding(FindingKind kind) {
        return new Finding("x", kind, Severity.WARNING, 0.9, Instant.EPOCH, "LINEAR", "s", Map.of(), List.of(), List.of());
    }
}
