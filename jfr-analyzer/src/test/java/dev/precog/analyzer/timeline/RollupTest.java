package dev.precog.analyzer.timeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.precog.model.Metric;
import dev.precog.model.Window;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RollupTest {

    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    private static Window window(int i, double liveSet, double cpu) {
        Instant start = T0.plusSeconds(10L * i);
        return new Window(start, start.plusSeconds(10),
                Map.of(Metric.HEAP_USED_AFTER_GC, liveSet, Metric.CPU_JVM_USER, cpu), Map.of(), List.of(), 1);
    }

    @Test
    void whileTheRingHoldsEveryWindowTheHistoryIsTheWindowsThemselves() {
        Timeline timeline = new Timeline(100);
        for (int i = 0; i < 60; i++) {
            timeline.add(window(i, 1000 + i, 0.5));
        }

        assertThat(timeline.history(Metric.HEAP_USED_AFTER_GC).size()).isEqualTo(60);
    }

    @Test
    void onceTheRingDropsWindowsTheHistoryReachesBackInFiveMinuteBuckets() {
        Timeline timeline = new Timeline(100);
        // 10 hours of 10-second windows: the ring keeps the last 1000 s, the roll-up all of it
        for (int i = 0; i < 3600; i++) {
            timeline.add(window(i, 1000 + i, i % 2 == 0 ? 0.2 : 0.4));
        }

        Series live = timeline.history(Metric.HEAP_USED_AFTER_GC);
        Series cpu = timeline.history(Metric.CPU_JVM_USER);

        assertThat(timeline.size()).isEqualTo(100);
        // window ends from 10 s to 36,000 s fall in buckets 0 to 120
        assertThat(live.size()).isEqualTo(121);
        assertThat(live.spanSeconds()).isCloseTo(36_000 - 300, within(300.0));
        // the live set keeps each bucket's floor, CPU its mean
        // bucket 1 holds the windows ending from 300 s to 590 s: windows 29 to 58
        assertThat(live.values()[1]).isEqualTo(1000 + 29);
        assertThat(cpu.values()[1]).isCloseTo(0.3, within(1e-9));
    }
}
