package dev.precog.analyzer.jfr;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import jdk.jfr.consumer.RecordingStream;
import org.junit.jupiter.api.Test;

class ChunkRotationTest {

    private static final Instant T0 = Instant.parse("2026-12-02T12:00:00Z");
    /** The agent's default chunkRotation (AgentOptions). */
    private static final Duration INTERVAL = Duration.ofSeconds(10);

    @Test
    void aChunkEndsOnlyOnceTheLimitOfStacksIsHeldAndTheIntervalHasPassed() {
        AtomicInteger ended = new AtomicInteger();
        ChunkRotation rotation = new ChunkRotation(stacksOnly(3), Duration.ofSeconds(10), T0, ended::incrementAndGet);
        see(rotation, 2);
        assertThat(rotation.rotateIfDue(T0.plusSeconds(60))).as("two stacks of three").isFalse();
        see(rotation, 1);
        assertThat(rotation.rotateIfDue(T0.plusSeconds(5))).as("5 s after the stream started").isFalse();
        assertThat(rotation.rotateIfDue(T0.plusSeconds(10))).isTrue();
        assertThat(ended).hasValue(1);
        assertThat(rotation.rotations()).isEqualTo(1);

        // the count starts afresh with the new chunk, and the interval from this rotation
        assertThat(rotation.stacks().distinct()).isZero();
        see(rotation, 3);
        assertThat(rotation.rotateIfDue(T0.plusSeconds(19))).isFalse();
        assertThat(rotation.rotateIfDue(T0.plusSeconds(20))).isTrue();
        assertThat(rotation.rotations()).isEqualTo(2);
        assertThat(rotation.problem()).isNull();
    }

    @Test
    void withRotationOffNoChunkIsEverEndedHoweverManyStacksAreHeld() {
        AtomicInteger ended = new AtomicInteger();
        ChunkRotation rotation = new ChunkRotation(stacksOnly(3), null, T0, ended::incrementAndGet);
        see(rotation, 30);
        assertThat(rotation.rotateIfDue(T0.plus(Duration.ofHours(1)))).isFalse();
        assertThat(ended).hasValue(0);
        assertThat(rotation.rotations()).isZero();
        assertThat(rotation.problem()).as("a choice, not a failure").isNull();
    }

    @Test
    void aFewDeepStacksEndTheChunkOnceTheirFramesReachTheLimit() {
        AtomicInteger ended = new AtomicInteger();
        ChunkRotation rotation = new ChunkRotation(new ChunkStackCount(1000, 200, stack -> 64), Duration.ofSeconds(10), T0,
                ended::incrementAndGet);
        see(rotation, 3);
        assertThat(rotation.rotateIfDue(T0.plusSeconds(60))).as("192 frames of 200").isFalse();
        see(rotation, 1);
        assertThat(rotation.framesAtLastEnd()).as("no chunk ended yet").isEqualTo(-1);
        assertThat(rotation.rotateIfDue(T0.plusSeconds(60))).as("four stacks of a thousand, 256 frames").isTrue();
        assertThat(ended).hasValue(1);
        assertThat(rotation.framesAtLastEnd()).as("what the ended chunk held").isEqualTo(256);
    }

    @Test
    void whenJfrRefusesItIsSaidAndNotTriedAgain() {
        AtomicInteger tries = new AtomicInteger();
        ChunkRotation rotation = new ChunkRotation(stacksOnly(1), Duration.ofSeconds(1), T0, () -> {
            tries.incrementAndGet();
            throw new IllegalStateException("Flight Recorder is disabled");
        });
        see(rotation, 1);
        assertThat(rotation.rotateIfDue(T0.plusSeconds(5))).isFalse();
        see(rotation, 1);
        assertThat(rotation.rotateIfDue(T0.plusSeconds(10))).isFalse();
        assertThat(tries).hasValue(1);
        assertThat(rotation.rotations()).isZero();
        assertThat(rotation.problem()).contains("JFR chunks not ended").contains("Flight Recorder is disabled");
    }

    @Test
    void theLiveRotationEndsTheChunkARunningStreamReads() throws Exception {
        ChunkRotation rotation = ChunkRotation.live(T0, INTERVAL);
        CountDownLatch first = new CountDownLatch(1);
        CountDownLatch next = new CountDownLatch(2);
        try (RecordingStream stream = new RecordingStream()) {
            // emitted once at the start of every chunk
            stream.enable("jdk.JVMInformation").with("period", "beginChunk");
            stream.onEvent("jdk.JVMInformation", e -> {
                first.countDown();
                next.countDown();
            });
            stream.startAsync();
            assertThat(first.await(60, TimeUnit.SECONDS)).as("the stream's first chunk").isTrue();
            see(rotation, ChunkRotation.STACK_LIMIT);
            assertThat(rotation.rotateIfDue(T0.plus(INTERVAL))).isTrue();
            assertThat(next.await(60, TimeUnit.SECONDS)).as("a new chunk after the rotation").isTrue();
        }
        assertThat(rotation.problem()).isNull();
    }

    /** A count with a limit of stacks only, one frame each. */
    private static ChunkStackCount stacksOnly(int limit) {
        return new ChunkStackCount(limit, Integer.MAX_VALUE, stack -> 1);
    }

    private static void see(ChunkRotation rotation, int stacks) {
        for (int i = 0; i < stacks; i++) {
            rotation.stacks().see(new Object());
        }
    }
}
