package dev.precog.analyzer.jfr;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ParserStackGuardTest {

    private static final Instant T0 = Instant.parse("2026-12-04T08:40:00Z");
    private static final Map<String, String> DEFAULT = Map.of("throttle", "150/s");

    @Test
    void chunksThatEndHoldingFewerFramesThanTheLimitLeaveSamplingAlone() {
        ParserStackGuard guard = new ParserStackGuard(40_000);
        assertThat(guard.chunkEnded(39_999, DEFAULT, T0)).isFalse();
        assertThat(guard.action()).isNull();
        assertThat(guard.apply(ParserStackGuard.EVENT, DEFAULT)).isEqualTo(DEFAULT);
    }

    @Test
    void aChunkHoldingTheLimitLowersAllocationSamplesFiveFoldOnceAndSaysWhy() {
        ParserStackGuard guard = new ParserStackGuard(40_000);
        assertThat(guard.chunkEnded(180_000, DEFAULT, T0)).isTrue();
        assertThat(guard.apply(ParserStackGuard.EVENT, DEFAULT)).containsEntry("throttle", "30/s");
        assertThat(guard.action()).startsWith("jdk.ObjectAllocationSample throttle 30/s (was 150/s) since 2026-12-04T08:40:00Z:")
                .contains("180,000 frames", "8.2 MB", "at least 40,000");

        // once: a later chunk does not lower again or change what was said
        String said = guard.action();
        assertThat(guard.chunkEnded(500_000, DEFAULT, T0.plusSeconds(10))).isFalse();
        assertThat(guard.action()).isEqualTo(said);
    }

    @Test
    void settingsAskedForLaterAreLoweredByTheSameFactorAndOtherEventsAreNot() {
        ParserStackGuard guard = new ParserStackGuard(40_000);
        guard.chunkEnded(40_000, DEFAULT, T0);
        // the overhead budget's level 1 asks for 30/s; with the guard it gets 6/s, and 150/s again when it restores
        assertThat(guard.apply(ParserStackGuard.EVENT, Map.of("throttle", "30/s"))).containsEntry("throttle", "6/s");
        Map<String, String> execution = Map.of("period", "200 ms");
        assertThat(guard.apply("jdk.ExecutionSample", execution)).isEqualTo(execution);
    }

    @Test
    void withoutAllocationSamplesEnabledThereIsNothingToLower() {
        ParserStackGuard guard = new ParserStackGuard(40_000);
        assertThat(guard.chunkEnded(100_000, null, T0)).isFalse();
        assertThat(guard.action()).isNull();
    }
}
