package dev.precog.analyzer.jfr;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class WaitAttributionTest {

    @Test
    void locksCountAndSignalWaitsDoNot() {
        assertThat(WaitAttribution.isLock("java.util.concurrent.locks.ReentrantLock$NonfairSync")).isTrue();
        assertThat(WaitAttribution.isLock("java.util.concurrent.locks.ReentrantReadWriteLock$FairSync")).isTrue();
        assertThat(WaitAttribution.isLock("java.util.concurrent.locks.StampedLock")).isTrue();
        assertThat(WaitAttribution.isLock("java.util.concurrent.Semaphore$NonfairSync")).isTrue();
        assertThat(WaitAttribution.isLock("com.acme.TicketLock")).isTrue();
        // an idle pool's take(), a latch, a future: waiting for work or a result, not for a lock
        assertThat(WaitAttribution.isLock("java.util.concurrent.locks.AbstractQueuedSynchronizer$ConditionObject")).isFalse();
        assertThat(WaitAttribution.isLock("java.util.concurrent.CountDownLatch$Sync")).isFalse();
        assertThat(WaitAttribution.isLock("java.util.concurrent.FutureTask")).isFalse();
        assertThat(WaitAttribution.isLock("java.util.concurrent.CompletableFuture$Signaller")).isFalse();
    }
}
