package dev.precog.analyzer.detect;

import dev.precog.analyzer.timeline.Timeline;
import dev.precog.analyzer.window.WindowAccumulator;
import java.time.Duration;
import java.time.Instant;
import java.util.function.BiConsumer;

/** Windows closed by a {@link WindowAccumulator}, as the agent closes them, for the detectors' tests. */
final class AccumulatedWindows {

    private AccumulatedWindows() {}

    /**
     * {@code n} windows of {@code window} from {@code start}, the last lasting {@code last} (a recording stops
     * where it stops); {@code record} puts window {@code i}'s events into the accumulator before it closes.
     */
    static Timeline timeline(Instant start, int n, Duration window, Duration last, BiConsumer<WindowAccumulator, Integer> record) {
        Timeline timeline = new Timeline(Math.max(100, n));
        WindowAccumulator acc = new WindowAccumulator(start);
        Instant end = start;
        for (int i = 0; i < n; i++) {
            record.accept(acc, i);
            end = end.plus(i == n - 1 ? last : window);
            timeline.add(acc.close(end));
        }
        return timeline;
    }

    /** When {@code timeline}'s last window ended: the analysis' now. */
    static Instant end(Timeline timeline) {
        return timeline.windows().get(timeline.size() - 1).end();
    }
}
