package dev.precog.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.precog.analyzer.evidence.Deadlock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.locks.ReentrantLock;
import org.junit.jupiter.api.Test;

/** Real deadlocks in this test JVM (daemon threads, left deadlocked), found through ThreadMXBean. */
class DeadlockProbeTest {

    /** A lock type of the test's own, as an application would have. */
    static final class Account {}

    private static void deadlock(String first, String second, Runnable a, Runnable b) {
        Thread t1 = new Thread(a, first);
        Thread t2 = new Thread(b, second);
        t1.setDaemon(true);
        t2.setDaemon(true);
        t1.start();
        t2.start();
    }

    @Test
    void monitorAndReentrantLockCyclesAreFoundSeparatelyWithLockClassesAndStacks() {
        Account x = new Account();
        Account y = new Account();
        CountDownLatch bothHoldMonitors = new CountDownLatch(2);
        deadlock("probe-transfer-1", "probe-transfer-2",
                () -> { synchronized (x) { arrive(bothHoldMonitors); synchronized (y) { } } },
                () -> { synchronized (y) { arrive(bothHoldMonitors); synchronized (x) { } } });
        ReentrantLock l1 = new ReentrantLock();
        ReentrantLock l2 = new ReentrantLock();
        CountDownLatch bothHoldLocks = new CountDownLatch(2);
        deadlock("probe-ledger-1", "probe-ledger-2",
                () -> { l1.lock(); arrive(bothHoldLocks); l2.lock(); },
                () -> { l2.lock(); arrive(bothHoldLocks); l1.lock(); });
        DeadlockProbe probe = new DeadlockProbe(new AgentLog(false));

        List<Deadlock> found = await().atMost(Duration.ofSeconds(30)).until(probe::find, d -> d.size() >= 2);

        Deadlock monitors = found.stream().filter(d -> d.threadNames().contains("probe-transfer-1")).findFirst().orElseThrow();
        assertThat(monitors.threadNames()).containsExactly("probe-transfer-1", "probe-transfer-2");
        assertThat(monitors.threads()).allSatisfy(w -> {
            assertThat(w.lockClass()).isEqualTo(Account.class.getName());
            assertThat(w.heldBy()).startsWith("probe-transfer-").isNotEqualTo(w.thread());
            assertThat(w.stackTop()).isNotEmpty().hasSizeLessThanOrEqualTo(DeadlockProbe.STACK_FRAMES);
            assertThat(w.stackTop().get(0)).startsWith(DeadlockProbeTest.class.getName() + ".lambda$");
        });
        Deadlock locks = found.stream().filter(d -> d.threadNames().contains("probe-ledger-1")).findFirst().orElseThrow();
        assertThat(locks.threads()).allSatisfy(w ->
                assertThat(w.lockClass()).isEqualTo("java.util.concurrent.locks.ReentrantLock$NonfairSync"));
    }

    @Test
    void noDeadlockIsAnEmptyAnswer() {
        // other tests' deadlocks may exist in this JVM: only check that no cycle involves a live, free thread
        assertThat(new DeadlockProbe(new AgentLog(false)).find())
                .allSatisfy(d -> assertThat(d.threadNames()).allMatch(n -> n.startsWith("probe-")));
    }

    private static void arrive(CountDownLatch latch) {
        latch.countDown();
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
