package dev.precog.analyzer.timeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.precog.model.ClassWeight;
import dev.precog.model.Metric;
import dev.precog.model.PoolActivity;
import dev.precog.model.WaitSite;
import dev.precog.model.Window;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TimelineTest {

    private static final Instant T0 = Instant.parse("2025-01-01T00:00:00Z");

    private static Window window(int i, Map<Metric, Double> values) {
        Instant start = T0.plusSeconds(10L * i);
        return new Window(start, start.plusSeconds(10), values, Map.of(), List.of(), values.size());
    }

    private static double endSeconds(int i) {
        return T0.plusSeconds(10L * i + 10).getEpochSecond();
    }

    @Test
    void onlyTheRecentWindowsKeepTheirWaitsCpuSamplesAndPoolsAndTheRingStaysBounded() {
        Timeline timeline = new Timeline(Timeline.DETAILED + 50);
        WaitSite site = new WaitSite(WaitSite.MONITOR, "com.acme.Ledger", "com.acme.Ledger", 100, 1, 0, List.of("t"), List.of(),
                List.of(), new byte[0]);
        ClassWeight hot = new ClassWeight("com.acme.Renderer.layout", 10, 10, "render-0");
        PoolActivity pool = new PoolActivity(1, "java.util.concurrent.ThreadPoolExecutor", "render-", "com.acme.Api.render:10",
                "com.acme.RenderJob", 2, 2, 2, 2, 5, 5, 100, 10, 10, 0, 5, 10, 10);
        for (int i = 0; i < Timeline.DETAILED + 80; i++) {
            Instant start = T0.plusSeconds(10L * i);
            timeline.add(new Window(start, start.plusSeconds(10), Map.of(Metric.GC_COUNT, (double) i), Map.of(),
                    List.of(hot), 1, List.of(site), List.of(hot), List.of(hot), List.of(pool)));
        }

        List<Window> windows = timeline.windows();
        assertThat(windows).hasSize(Timeline.DETAILED + 50);
        assertThat(windows.get(0).value(Metric.GC_COUNT)).hasValue(30);
        assertThat(windows.subList(0, 50)).allSatisfy(w -> {
            assertThat(w.waits()).isEmpty();
            assertThat(w.hotMethods()).isEmpty();
            assertThat(w.pools()).isEmpty();
            assertThat(w.topAllocations()).containsExactly(hot);
        });
        assertThat(windows.subList(50, windows.size())).allSatisfy(w -> assertThat(w.waits()).containsExactly(site));
    }

    @Test
    void ringDropsTheOldestWindowsBeyondCapacity() {
        Timeline timeline = new Timeline(3);
        for (int i = 0; i < 5; i++) {
            timeline.add(window(i, Map.of(Metric.GC_COUNT, (double) i)));
        }

        assertThat(timeline.size()).isEqualTo(3);
        assertThat(timeline.appended()).isEqualTo(5);
        assertThat(timeline.windows()).extracting(Window::start)
                .containsExactly(T0.plusSeconds(20), T0.plusSeconds(30), T0.plusSeconds(40));
        assertThat(timeline.series(Metric.GC_COUNT).values()).containsExactly(2, 3, 4);
    }

    @Test
    void windowsIsASnapshot() {
        Timeline timeline = new Timeline(2);
        timeline.add(window(0, Map.of()));
        List<Window> snapshot = timeline.windows();
        timeline.add(window(1, Map.of()));

        assertThat(snapshot).hasSize(1);
    }

    @Test
    void rejectsCapacityBelowTwo() {
        assertThatThrownBy(() -> new Timeline(1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void seriesSkipsWindowsWithoutTheMetricAndUsesWindowEnds() {
        Timeline timeline = new Timeline(10);
        timeline.add(window(0, Map.of(Metric.HEAP_USED_AFTER_GC, 100.0)));
        timeline.add(window(1, Map.of(Metric.GC_COUNT, 0.0)));
        timeline.add(window(2, Map.of(Metric.HEAP_USED_AFTER_GC, 120.0, Metric.GC_COUNT, 2.0)));
        timeline.add(window(3, Map.of()));

        Series heap = timeline.series(Metric.HEAP_USED_AFTER_GC);

        assertThat(heap.values()).containsExactly(100, 120);
        assertThat(heap.times()).containsExactly(endSeconds(0), endSeconds(2));
        assertThat(heap.spanSeconds()).isEqualTo(20);
        assertThat(heap.timeAt(1)).isEqualTo(T0.plusSeconds(30));
        assertThat(timeline.series(Metric.OLD_GC_COUNT).isEmpty()).isTrue();
        assertThat(timeline.series(Metric.OLD_GC_COUNT).spanSeconds()).isZero();
    }

    @Test
    void latestIsTheMostRecentObservedValue() {
        Timeline timeline = new Timeline(10);
        timeline.add(window(0, Map.of(Metric.HEAP_MAX, 1024.0)));
        timeline.add(window(1, Map.of(Metric.HEAP_MAX, 2048.0)));
        timeline.add(window(2, Map.of(Metric.GC_COUNT, 1.0)));

        assertThat(timeline.latest(Metric.HEAP_MAX)).hasValue(2048);
        assertThat(timeline.latest(Metric.OLD_GC_COUNT)).isEmpty();
    }

    @Test
    void sumSinceCountsWindowsEndingAtOrAfterTheTime() {
        Timeline timeline = new Timeline(10);
        for (int i = 0; i < 4; i++) {
            timeline.add(window(i, i == 1 ? Map.of() : Map.of(Metric.OLD_GC_COUNT, 1.0 + i)));
        }

        assertThat(timeline.sumSince(Metric.OLD_GC_COUNT, endSeconds(0))).isEqualTo(1 + 3 + 4);
        assertThat(timeline.sumSince(Metric.OLD_GC_COUNT, endSeconds(2))).isEqualTo(3 + 4);
        assertThat(timeline.sumSince(Metric.OLD_GC_COUNT, endSeconds(3) + 1)).isZero();
    }
}
