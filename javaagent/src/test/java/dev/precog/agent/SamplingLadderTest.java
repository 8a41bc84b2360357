package dev.precog.agent;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SamplingLadderTest {

    /** The settings the live handlers start with (see the jfr handlers). */
    private static final Map<String, Map<String, String>> INITIAL = initial();

    private static Map<String, Map<String, String>> initial() {
        Map<String, Map<String, String>> m = new LinkedHashMap<>();
        m.put("jdk.ObjectAllocationSample", Map.of("throttle", "150/s"));
        m.put("jdk.JavaMonitorEnter", Map.of("threshold", "10 ms"));
        m.put("jdk.ThreadPark", Map.of("threshold", "10 ms"));
        m.put("jdk.GCPhasePause", Map.of("threshold", "0 ms"));
        m.put("jdk.CPULoad", Map.of("period", "1 s"));
        m.put("jdk.ExecutionSample", Map.of("period", "200 ms"));
        return m;
    }

    /** Records what the ladder turned, and keeps the current state of each knob. */
    private static final class RecordingKnobs implements SamplingLadder.Knobs {
        final Map<String, Map<String, String>> jfr = new LinkedHashMap<>(INITIAL);
        final List<String> calls = new ArrayList<>();
        Duration host = Duration.ofSeconds(1);
        boolean evidencePaused;

        @Override
        public void jfrSettings(String eventName, Map<String, String> settings) {
            jfr.put(eventName, settings);
            calls.add(eventName + settings);
        }

        @Override
        public void hostInterval(Duration interval) {
            host = interval;
            calls.add("host " + interval);
        }

        @Override
        public void evidencePaused(boolean paused) {
            evidencePaused = paused;
            calls.add("evidence paused " + paused);
        }
    }

    @Test
    void eachLevelLowersOneMoreKindOfSamplingAndSaysWhat() {
        RecordingKnobs knobs = new RecordingKnobs();
        SamplingLadder ladder = new SamplingLadder(INITIAL, Duration.ofSeconds(1), Duration.ofSeconds(10), knobs);
        assertThat(ladder.maxLevel()).isEqualTo(SamplingLadder.LEVELS);
        assertThat(ladder.actions()).isEmpty();

        ladder.moveTo(1);
        assertThat(knobs.jfr.get("jdk.ExecutionSample")).isEqualTo(Map.of("period", "1000 ms"));
        assertThat(knobs.jfr.get("jdk.ObjectAllocationSample")).isEqualTo(Map.of("throttle", "30/s"));
        assertThat(knobs.jfr.get("jdk.ThreadPark")).as("not yet").isEqualTo(Map.of("threshold", "10 ms"));
        assertThat(ladder.actions()).containsExactly("level 1: JFR sampling lowered 5-fold: jdk.ObjectAllocationSample throttle"
                + " 30/s (was 150/s), jdk.ExecutionSample period 1000 ms (was 200 ms)");

        ladder.moveTo(2);
        assertThat(knobs.jfr.get("jdk.ThreadPark")).isEqualTo(Map.of("threshold", "50 ms"));
        assertThat(knobs.jfr.get("jdk.JavaMonitorEnter")).isEqualTo(Map.of("threshold", "50 ms"));
        assertThat(knobs.jfr.get("jdk.GCPhasePause")).as("every GC pause still counts").isEqualTo(Map.of("threshold", "0 ms"));
        assertThat(ladder.actions().get(1)).startsWith("level 2: JFR waits recorded only when 5 times longer")
                .contains("jdk.JavaMonitorEnter threshold 50 ms (was 10 ms)", "jdk.ThreadPark threshold 50 ms (was 10 ms)")
                .doesNotContain("GCPhasePause");
        assertThat(knobs.evidencePaused).isFalse();

        ladder.moveTo(3);
        assertThat(knobs.evidencePaused).isTrue();
        assertThat(knobs.host).isEqualTo(Duration.ofSeconds(1));

        ladder.moveTo(4);
        assertThat(knobs.host).isEqualTo(Duration.ofSeconds(5));
        assertThat(knobs.jfr.get("jdk.CPULoad")).isEqualTo(Map.of("period", "5 s"));
        assertThat(ladder.actions()).hasSize(4).last().asString()
                .isEqualTo("level 4: host metrics sampled every 5s instead of 1s; JFR statistics sampled 5-fold less often:"
                        + " jdk.CPULoad period 5 s (was 1 s)");
    }

    @Test
    void goingBackUpRestoresExactlyWhatWasConfigured() {
        RecordingKnobs knobs = new RecordingKnobs();
        SamplingLadder ladder = new SamplingLadder(INITIAL, Duration.ofSeconds(1), Duration.ofSeconds(10), knobs);
        ladder.moveTo(4);
        ladder.moveTo(2);
        assertThat(knobs.evidencePaused).isFalse();
        assertThat(knobs.host).isEqualTo(Duration.ofSeconds(1));
        assertThat(knobs.jfr.get("jdk.CPULoad")).isEqualTo(Map.of("period", "1 s"));
        assertThat(knobs.jfr.get("jdk.ThreadPark")).as("level 2 still holds").isEqualTo(Map.of("threshold", "50 ms"));
        ladder.moveTo(0);
        assertThat(knobs.jfr).isEqualTo(INITIAL);
        assertThat(ladder.level()).isZero();
        assertThat(ladder.actions()).isEmpty();
    }

    @Test
    void moveToOutsideTheLadderStopsAtItsEnds() {
        RecordingKnobs knobs = new RecordingKnobs();
        SamplingLadder ladder = new SamplingLadder(INITIAL, Duration.ofSeconds(1), Duration.ofSeconds(10), knobs);
        ladder.moveTo(9);
        assertThat(ladder.level()).isEqualTo(4);
        int calls = knobs.calls.size();
        ladder.moveTo(4);
        assertThat(knobs.calls).as("staying at a level turns nothing").hasSize(calls);
        ladder.moveTo(-1);
        assertThat(ladder.level()).isZero();
    }

    @Test
    void nothingIsSampledLessThanOncePerWindow() {
        RecordingKnobs knobs = new RecordingKnobs();
        SamplingLadder ladder = new SamplingLadder(INITIAL, Duration.ofSeconds(1), Duration.ofSeconds(3), knobs);
        ladder.moveTo(4);
        assertThat(knobs.host).isEqualTo(Duration.ofSeconds(3));
        assertThat(knobs.jfr.get("jdk.CPULoad")).isEqualTo(Map.of("period", "3 s"));

        RecordingKnobs oneSecond = new RecordingKnobs();
        SamplingLadder fast = new SamplingLadder(INITIAL, Duration.ofSeconds(1), Duration.ofSeconds(1), oneSecond);
        fast.moveTo(4);
        assertThat(oneSecond.host).isEqualTo(Duration.ofSeconds(1));
        assertThat(oneSecond.jfr.get("jdk.CPULoad")).isEqualTo(Map.of("period", "1 s"));
        assertThat(fast.actions().get(3)).isEqualTo("level 4: host metrics unchanged (already sampled once per window);"
                + " JFR statistics unchanged (already sampled once per window)");
    }

    @Test
    void withoutJfrTheJfrStepsSaySoAndTheOthersStillWork() {
        RecordingKnobs knobs = new RecordingKnobs();
        SamplingLadder ladder = new SamplingLadder(Map.of(), Duration.ofSeconds(1), Duration.ofSeconds(10), knobs);
        ladder.moveTo(4);
        assertThat(ladder.actions().get(0)).isEqualTo("level 1: JFR sampling lowered 5-fold: nothing to lower on this JVM");
        assertThat(knobs.evidencePaused).isTrue();
        assertThat(knobs.host).isEqualTo(Duration.ofSeconds(5));
    }
}
