package dev.precog.analyzer.detect;

import dev.precog.analyzer.timeline.Timeline;
import dev.precog.model.Metric;
import dev.precog.model.Window;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.IntPredicate;
import java.util.function.IntToDoubleFunction;

/**
 * Builds timelines of 10-second windows whose live set (heap after GC) follows a given shape,
 * the way the JFR handlers would fill them.
 */
final class SyntheticHeap {

    static final Instant T0 = Instant.parse("2025-03-01T12:00:00Z");
    static final Duration WINDOW = Duration.ofSeconds(10);
    static final double MB = 1024.0 * 1024;
    static final long GB = 1024L * 1024 * 1024;

    private final int windows;
    private IntToDoubleFunction liveSet = i -> 200 * MB;
    private final long heapMax = GB;
    private IntPredicate oldGcIn = i -> false;
    private IntPredicate fullGcIn = i -> false;
    private double noise;
    private long seed = 1;

    private SyntheticHeap(int windows) {
        this.windows = windows;
    }

    static SyntheticHeap windows(int n) {
        return new SyntheticHeap(n);
    }

    /** Live set in bytes for window {@code i} (0-based), before noise. */
    SyntheticHeap liveSet(IntToDoubleFunction bytes) {
        this.liveSet = bytes;
        return this;
    }

    /** Uniform noise of +/- {@code bytes} on every point. */
    SyntheticHeap noise(double bytes, long seed) {
        this.noise = bytes;
        this.seed = seed;
        return this;
    }

    /** One old/mixed/full collection every {@code n} windows; 0 for none at all. */
    SyntheticHeap oldGcEvery(int n) {
        this.oldGcIn = i -> n > 0 && i % n == n - 1;
        return this;
    }

    /** One old/mixed/full collection in window {@code i} only. */
    SyntheticHeap oldGcAt(int i) {
        this.oldGcIn = w -> w == i;
        return this;
    }

    /** One full collection (a compaction that leaves only live objects) in window {@code i} only. */
    SyntheticHeap fullGcAt(int i) {
        this.oldGcIn = w -> w == i;
        this.fullGcIn = w -> w == i;
        return this;
    }

    static Instant end(int i) {
        return T0.plus(WINDOW.multipliedBy(i + 1L));
    }

    Timeline timeline() {
        Random random = new Random(seed);
        Timeline timeline = new Timeline(Math.max(2, windows));
        for (int i = 0; i < windows; i++) {
            Map<Metric, Double> values = new EnumMap<>(Metric.class);
            double live = liveSet.applyAsDouble(i) + (noise == 0 ? 0 : (2 * random.nextDouble() - 1) * noise);
            values.put(Metric.HEAP_USED_AFTER_GC, live);
            values.put(Metric.HEAP_USED_BEFORE_GC, live + 300 * MB);
            values.put(Metric.HEAP_MAX, (double) heapMax);
            values.put(Metric.GC_COUNT, 4.0);
            if (oldGcIn.test(i)) {
                values.put(Metric.OLD_GC_COUNT, 1.0);
            }
            if (fullGcIn.test(i)) {
                values.put(Metric.FULL_GC_COUNT, 1.0);
            }
            Instant start = T0.plus(WINDOW.multipliedBy(i));
            timeline.add(new Window(start, start.plus(WINDOW), values, Map.of(), List.of(), 10));
        }
        return timeline;
    }

    AnalysisContext context() {
        return new AnalysisContext(timeline(), end(windows - 1), 4242L, heapMax, null, Boolean.FALSE);
    }
}
