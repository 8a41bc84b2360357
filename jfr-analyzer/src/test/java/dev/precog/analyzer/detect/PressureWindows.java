package dev.precog.analyzer.detect;

import dev.precog.analyzer.timeline.Timeline;
import dev.precog.model.ClassWeight;
import dev.precog.model.Distribution;
import dev.precog.model.DistributionKind;
import dev.precog.model.Metric;
import dev.precog.model.Window;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** Builds windows (5 seconds unless told) of GC and allocation activity for the pressure detectors' tests. */
final class PressureWindows {

    static final long MB = 1024L * 1024;
    static final Duration WINDOW = Duration.ofSeconds(5);
    static final Instant T0 = Instant.parse("2025-03-01T12:00:00Z");
    static final long HEAP = 256 * MB;

    private final Timeline timeline = new Timeline(1000);
    private Instant end = T0;

    /** Adds {@code count} 5-second windows, each with these GC and allocation figures. */
    PressureWindows add(int count, double gcPerWindow, double pauseMillisPerWindow, double maxPauseMillis,
            double liveSetBytes, double allocatedBytes, List<ClassWeight> allocations) {
        return add(WINDOW, count, gcPerWindow, pauseMillisPerWindow, maxPauseMillis, liveSetBytes, allocatedBytes, allocations);
    }

    /** Adds {@code count} windows of {@code length} each (a recording's last may be cut short), with these figures. */
    PressureWindows add(Duration length, int count, double gcPerWindow, double pauseMillisPerWindow, double maxPauseMillis,
            double liveSetBytes, double allocatedBytes, List<ClassWeight> allocations) {
        for (int i = 0; i < count; i++) {
            Map<Metric, Double> values = new EnumMap<>(Metric.class);
            values.put(Metric.GC_COUNT, gcPerWindow);
            values.put(Metric.GC_PAUSE_TOTAL, pauseMillisPerWindow);
            values.put(Metric.HEAP_USED_AFTER_GC, liveSetBytes);
            values.put(Metric.HEAP_MAX, (double) HEAP);
            values.put(Metric.ALLOCATION_SAMPLED, allocatedBytes);
            Map<DistributionKind, Distribution> d = new EnumMap<>(DistributionKind.class);
            if (gcPerWindow > 0) {
                d.put(DistributionKind.GC_PAUSE, new Distribution((long) gcPerWindow, pauseMillisPerWindow,
                        maxPauseMillis / 2, maxPauseMillis, maxPauseMillis));
            }
            Instant start = end;
            end = start.plus(length);
            timeline.add(new Window(start, end, values, d, allocations, 100));
        }
        return this;
    }

    AnalysisContext context() {
        return context(HEAP);
    }

    /** As if the max heap were {@code heapMax}, whatever the windows' own figure. */
    AnalysisContext context(long heapMax) {
        return new AnalysisContext(timeline, end, 7L, heapMax, null, Boolean.TRUE);
    }

    static List<ClassWeight> allocations(long totalBytes) {
        List<ClassWeight> out = new ArrayList<>();
        out.add(new ClassWeight("[B", totalBytes * 60 / 100, 60, "com.acme.Feed.read:40"));
        out.add(new ClassWeight("com.acme.PriceTick", totalBytes * 30 / 100, 30, "com.acme.Feed.decode:88"));
        out.add(new ClassWeight("java.lang.Double", totalBytes * 10 / 100, 10, "com.acme.Feed.decode:91"));
        return out;
    }
}
