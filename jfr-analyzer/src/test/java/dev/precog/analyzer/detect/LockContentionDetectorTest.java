package dev.precog.analyzer.detect;

import static org.assertj.core.api.Assertions.assertThat;

import dev.precog.analyzer.evidence.Evidence;
import dev.precog.analyzer.evidence.LockHolders;
import dev.precog.analyzer.timeline.Timeline;
import dev.precog.analyzer.window.WindowAccumulator;
import dev.precog.model.Finding;
import dev.precog.model.FindingKind;
import dev.precog.model.Severity;
import dev.precog.model.Suggestion;
import dev.precog.model.Suspect;
import dev.precog.model.WaitSite;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Lock waits as the JFR handlers record them, over 10-second windows, through the whole detector. */
class LockContentionDetectorTest {

    private static final Instant T0 = Instant.parse("2025-03-01T12:00:00Z");
    private static final Duration WINDOW = Duration.ofSeconds(10);
    private static final String LEDGER = "com.acme.StockLedger";
    private static final String NONFAIR = "java.util.concurrent.locks.ReentrantLock$NonfairSync";
    private static final List<String> RESERVE = List.of("com.acme.StockLedger.reserve:21", "com.acme.Api.handle:9");

    /** Records, per window, {@code waits} waits of {@code millis} spread over {@code threads} threads. */
    private interface Waits {
        void record(WindowAccumulator acc, int window);
    }

    private static Timeline windows(int n, Waits waits) {
        return windows(n, WINDOW, waits);
    }

    /** As {@link #windows(int, Waits)}, the last window lasting {@code last} (a recording stops where it stops). */
    private static Timeline windows(int n, Duration last, Waits waits) {
        return AccumulatedWindows.timeline(T0, n, WINDOW, last, waits::record);
    }

    private static void monitorWaits(WindowAccumulator acc, int count, double millis, int threads) {
        for (int k = 0; k < count; k++) {
            acc.recordWait(WaitSite.MONITOR, LEDGER, LEDGER, millis, 0, "reservation-" + (k % threads), RESERVE, "reservation-0");
        }
    }

    private static List<Finding> detect(Timeline timeline, Evidence evidence) {
        AnalysisContext context = new AnalysisContext(timeline, AccumulatedWindows.end(timeline), 4242L, 1L << 30, null,
                Boolean.TRUE, evidence);
        return new LockContentionDetector().detect(context);
    }

    @Test
    void waitsInTheLastWindowAndTheHalfSecondARecordingStopsOnAreNoContention() {
        // 40 waits of 250 ms in the last whole window, 2 in the half second after it: two windows of the last
        // four, but 10.5 s of 30.5 s, with 0.34 threads blocked on average
        Waits atTheEnd = (acc, i) -> monitorWaits(acc, i == 4 ? 40 : i == 5 ? 2 : 0, 250, 4);

        assertThat(detect(windows(6, Duration.ofMillis(500), atTheEnd), Evidence.NONE)).isEmpty();
        assertThat(detect(windows(6, (acc, i) -> monitorWaits(acc, i >= 4 ? 40 : 0, 250, 4)), Evidence.NONE))
                .singleElement().satisfies(f -> {
                    assertThat(f.severity()).isEqualTo(Severity.WARNING);
                    assertThat(f.evidence()).containsEntry("confidenceReason",
                            "waits for 67% of the last 30s (2 of 3 windows), 80 waits of at least 10 ms");
                });
    }

    @Test
    void fiveThreadsQueueingOnOneMonitorAreCriticalContentionNamingItsClass() {
        // 200 waits of 250 ms per 10 s window: 5 threads blocked on average
        Timeline timeline = windows(6, (acc, i) -> monitorWaits(acc, 200, 250, 6));

        List<Finding> findings = detect(timeline, Evidence.NONE);

        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.kind()).isEqualTo(FindingKind.LOCK_CONTENTION);
            assertThat(f.severity()).isEqualTo(Severity.CRITICAL);
            assertThat(f.confidence()).isEqualTo(1.0);
            assertThat(f.id()).isEqualTo("lock:" + LEDGER + " in " + LEDGER);
            assertThat(f.summary()).isEqualTo("Threads wait for monitor " + LEDGER + " taken in " + LEDGER
                    + ": 5.0 threads blocked on average over the last 30s (6 threads; waits p50 250 ms, p99 250 ms, max 250 ms)");
            assertThat(f.evidence()).containsEntry("threadsAffected", 6).containsEntry("waits", 600L)
                    .containsEntry("lockKind", "monitor").containsEntry("previousOwners", List.of("reservation-0"));
            assertThat(f.suspects()).extracting(Suspect::className).containsExactly(LEDGER);
            assertThat(f.suspects().get(0).stackTop()).isEqualTo(RESERVE);
            assertThat(f.suggestions()).extracting(Suggestion::action)
                    .contains("Shrink the critical section in com.acme.StockLedger.reserve:21");
            assertThat(f.suggestions()).extracting(Suggestion::command).contains("jcmd 4242 Thread.print -l");
        });
    }

    @Test
    void waitPercentilesAreExactOverTheSpan() {
        // nine short waits and one long one per window, every window: p50 is short, max the long one
        Timeline timeline = windows(6, (acc, i) -> {
            for (int k = 0; k < 90; k++) {
                acc.recordWait(WaitSite.MONITOR, LEDGER, LEDGER, 20, 0, "t" + (k % 4), RESERVE, null);
            }
            for (int k = 0; k < 10; k++) {
                acc.recordWait(WaitSite.MONITOR, LEDGER, LEDGER, 900 + i, 0, "t" + (k % 4), RESERVE, null);
            }
        });

        Map<String, Object> evidence = detect(timeline, Evidence.NONE).get(0).evidence();

        assertThat((double) evidence.get("waitP50Millis")).isEqualTo(20.0);
        assertThat((double) evidence.get("waitP99Millis")).isBetween(895.0, 910.0);
        assertThat((double) evidence.get("waitMaxMillis")).isBetween(900.0, 910.0);
    }

    @Test
    void oneBurstIsNotContention() {
        // a single window of heavy waiting among six quiet ones
        Timeline timeline = windows(6, (acc, i) -> {
            if (i == 4) {
                monitorWaits(acc, 400, 250, 6);
            }
        });

        assertThat(detect(timeline, Evidence.NONE)).isEmpty();
    }

    @Test
    void oneThreadWaitingIsNotContention() {
        // a single thread blocked most of the time is a slow consumer, not threads queueing on a lock
        Timeline timeline = windows(6, (acc, i) -> monitorWaits(acc, 40, 200, 1));

        assertThat(detect(timeline, Evidence.NONE)).isEmpty();
    }

    @Test
    void lightWaitingIsNotContention() {
        // 0.1 threads blocked on average: below the 0.2 a WARNING needs
        Timeline timeline = windows(6, (acc, i) -> monitorWaits(acc, 20, 50, 4));

        assertThat(detect(timeline, Evidence.NONE)).isEmpty();
    }

    @Test
    void twoLocksAreTwoFindingsCostliestFirstAndAJucLockNamesItsUser() {
        Timeline timeline = windows(6, (acc, i) -> {
            monitorWaits(acc, 40, 100, 4);
            for (int k = 0; k < 60; k++) {
                acc.recordWait(WaitSite.LOCK, NONFAIR, "com.acme.PriceBook", 200, 0, "quote-" + (k % 5),
                        List.of("java.util.concurrent.locks.ReentrantLock.lock:322", "com.acme.PriceBook.reprice:20"), null);
            }
        });

        List<Finding> findings = detect(timeline, Evidence.NONE);

        assertThat(findings).extracting(f -> f.evidence().get("lockClass")).containsExactly(NONFAIR, LEDGER);
        Finding book = findings.get(0);
        assertThat(book.severity()).isEqualTo(Severity.CRITICAL);
        assertThat(book.suspects()).extracting(Suspect::className).containsExactly("com.acme.PriceBook", NONFAIR);
        assertThat(book.suspects().get(1).detail()).startsWith("JDK lock type");
        assertThat(findings.get(1).severity()).isEqualTo(Severity.WARNING);
    }

    @Test
    void aSampledHolderDoingIoPutsMovingTheIoFirst() {
        Timeline timeline = windows(6, (acc, i) -> monitorWaits(acc, 200, 250, 6));
        List<String> holder = List.of("java.net.SocketInputStream.read:140", "com.acme.AuditClient.send:33",
                "com.acme.StockLedger.reserve:25");
        LockHolders holders = new LockHolders(Map.of(LEDGER, 5),
                Map.of(LEDGER, List.of(new LockHolders.HolderStack("reservation-3", holder, 4))));

        Finding f = detect(timeline, Evidence.NONE.withLockHolders(holders)).get(0);

        assertThat(f.evidence()).containsEntry("holderStack", holder).containsEntry("holderThread", "reservation-3")
                .containsEntry("holderSource", "ThreadMXBean lock owner: this stack in 4 of 5 samples")
                .doesNotContainKey("previousOwners");
        assertThat(f.suggestions().get(0).action())
                .isEqualTo("Move the blocking call out of the critical section in com.acme.AuditClient.send:33");
        assertThat(f.suggestions().get(0).rationale()).contains("java.net.SocketInputStream.read:140");
    }

    @Test
    void virtualThreadsPinnedInAnInitializerAreContentionWithoutALockClass() {
        String reason = "VM call to com.acme.TenantPlugin.<clinit> on stack";
        List<String> stack = List.of("java.lang.Thread.sleep:540", "com.acme.TenantPlugin.<clinit>:14");
        Timeline timeline = windows(6, (acc, i) -> {
            for (int k = 0; k < 400; k++) {
                acc.recordWait(WaitSite.PINNED, reason, "com.acme.TenantPlugin", 50, 0, "thread#" + (i * 400 + k), stack, null);
            }
        });

        Finding f = detect(timeline, Evidence.NONE).get(0);

        assertThat(f.summary()).startsWith("Virtual threads block pinned to their carriers (" + reason
                + ") in com.acme.TenantPlugin: 2.0 threads blocked on average");
        assertThat(f.suspects()).extracting(Suspect::className).containsExactly("com.acme.TenantPlugin");
        assertThat(f.suggestions().get(0).action()).isEqualTo("Stop blocking while pinned in com.acme.TenantPlugin.<clinit>:14");
        assertThat(f.evidence()).containsEntry("lockKind", "virtual thread pinned");
    }

    @Test
    void aJdkLockTakenOnlyByJdkCodeIsStillReported() {
        // pool workers contending on a LinkedBlockingQueue's lock: no application frame, no owner type
        Timeline timeline = windows(6, (acc, i) -> {
            for (int k = 0; k < 60; k++) {
                acc.recordWait(WaitSite.LOCK, NONFAIR, null, 200, 0, "pool-1-thread-" + (k % 4),
                        List.of("java.util.concurrent.locks.ReentrantLock.lock:322", "java.util.concurrent.LinkedBlockingQueue.offer:420"),
                        null);
            }
        });

        Finding f = detect(timeline, Evidence.NONE).get(0);

        assertThat(f.evidence()).doesNotContainKey("ownerType").containsEntry("lockClass", NONFAIR);
        assertThat(f.suspects()).extracting(Suspect::className).containsExactly(NONFAIR);
        assertThat(f.id()).isEqualTo("lock:" + NONFAIR);
    }

    @Test
    void tooShortAHistoryGivesNoVerdict() {
        Timeline timeline = windows(2, (acc, i) -> monitorWaits(acc, 200, 250, 6));

        assertThat(detect(timeline, Evidence.NONE)).isEmpty();
    }
}
