package dev.precog.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.precog.analyzer.evidence.LockHolders;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.locks.ReentrantLock;
import org.junit.jupiter.api.Test;

/** Real contended locks in this test JVM: the probe finds who holds them and in which frame. */
class LockHolderProbeTest {

    /** A monitor type of the test's own. */
    static final class Ledger {}

    private static final String NONFAIR = "java.util.concurrent.locks.ReentrantLock$NonfairSync";

    @Test
    void theOwnerOfAContendedMonitorAndOfAReentrantLockIsSampledWithItsStack() throws Exception {
        Ledger ledger = new Ledger();
        ReentrantLock book = new ReentrantLock();
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch holding = new CountDownLatch(2);
        daemon("ledger-holder", () -> {
            synchronized (ledger) {
                holding.countDown();
                awaitQuietly(release);
            }
        });
        daemon("book-holder", () -> {
            book.lock();
            try {
                holding.countDown();
                awaitQuietly(release);
            } finally {
                book.unlock();
            }
        });
        holding.await();
        daemon("ledger-waiter", () -> { synchronized (ledger) { } });
        // three waiters on the book: the lock instance most waited on, among any other ReentrantLock in this JVM
        // (other tests leave deadlocked ones behind)
        for (int i = 0; i < 3; i++) {
            daemon("book-waiter-" + i, () -> { book.lock(); book.unlock(); });
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> book.getQueueLength() == 3);
        LockHolderProbe probe = new LockHolderProbe(new AgentLog(false));
        try {
            LockHolders holders = await().atMost(Duration.ofSeconds(30))
                    .until(() -> probe.update(Set.of(Ledger.class.getName(), NONFAIR)),
                            h -> h.stacks().containsKey(Ledger.class.getName()) && h.stacks().containsKey(NONFAIR));

            assertThat(holders.stacks().get(Ledger.class.getName())).first().satisfies(s -> {
                assertThat(s.thread()).isEqualTo("ledger-holder");
                assertThat(s.frames().toString()).contains(LockHolderProbeTest.class.getName() + ".lambda$");
            });
            assertThat(holders.stacks().get(NONFAIR).get(0).thread()).isEqualTo("book-holder");
            assertThat(holders.stacks().get(NONFAIR)).noneMatch(s -> s.thread().startsWith("probe-ledger"));
            assertThat(holders.samples().get(NONFAIR)).isPositive();
        } finally {
            release.countDown();
        }
    }

    @Test
    void samplingStopsAtItsQuotaPerLockAndRestartsWhenTheFindingComesBack() {
        LockHolderProbe probe = new LockHolderProbe(new AgentLog(false));
        LockHolders holders = LockHolders.NONE;
        for (int i = 0; i < LockHolderProbe.MAX_SAMPLES + 5; i++) {
            holders = probe.update(Set.of("com.acme.NobodyLocksThis"));
        }

        assertThat(holders.samples()).containsEntry("com.acme.NobodyLocksThis", LockHolderProbe.MAX_SAMPLES);
        assertThat(holders.stacks()).isEmpty();
        // the finding clears, then comes back: sampling starts afresh
        assertThat(probe.update(Set.of()).samples()).isEmpty();
        assertThat(probe.update(Set.of("com.acme.NobodyLocksThis")).samples()).containsEntry("com.acme.NobodyLocksThis", 1);
    }

    private static void daemon(String name, Runnable r) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        t.start();
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
