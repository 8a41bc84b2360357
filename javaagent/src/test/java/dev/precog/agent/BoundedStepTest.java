package dev.precog.agent;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class BoundedStepTest {

    private final AgentThreads.Family threads = AgentThreads.family(new AgentLog(false));

    @Test
    void aStepThatEndsIsWaitedFor() {
        AtomicBoolean reportWritten = new AtomicBoolean();

        boolean ended = BoundedStep.runWithin(() -> reportWritten.set(true), Duration.ofMinutes(1), threads.named("stop"));

        assertThat(ended).isTrue();
        assertThat(reportWritten).isTrue();
    }

    @Test
    @Timeout(60) // a step waited for without bound would hang here instead of failing
    void aStepThatNeverEndsIsLeftBehindOnADaemonThread() throws InterruptedException {
        CountDownLatch never = new CountDownLatch(1);
        CountDownLatch entered = new CountDownLatch(1);

        boolean ended = BoundedStep.runWithin(() -> {
            entered.countDown();
            try {
                never.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, Duration.ofMillis(200), threads.named("stop"));

        // the caller (a shutdown hook) got back although the step is still blocked
        assertThat(ended).isFalse();
        entered.await();
        List<Thread> left = threads.alive();
        assertThat(left).singleElement().satisfies(t -> {
            assertThat(t.getName()).isEqualTo("precog-stop");
            // a daemon does not keep the exiting JVM alive
            assertThat(t.isDaemon()).isTrue();
        });
        never.countDown();
        left.get(0).join();
    }
}
