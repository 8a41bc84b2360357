package dev.precog.analyzer.detect;

import dev.precog.analyzer.evidence.CensusDiff;
import dev.precog.analyzer.evidence.Evidence;
import dev.precog.analyzer.timeline.Timeline;
import dev.precog.model.Metric;
import dev.precog.model.Window;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.IntToDoubleFunction;

/**
 * Builds timelines of 10-second windows whose live thread count (the highest count per window,
 * as jdk.JavaThreadStatistics gives it) follows a given shape.
 */
final class SyntheticThreads {

    static final Instant T0 = Instant.parse("2025-03-01T12:00:00Z");
    static final Duration WINDOW = Duration.ofSeconds(10);
    static final int WINDOWS_PER_MINUTE = 6;

    private final int windows;
    private IntToDoubleFunction threads = i -> 40;
    private int jitter;
    private long seed = 1;
    private CensusDiff census;

    private SyntheticThreads(int windows) {
        this.windows = windows;
    }

    static SyntheticThreads windows(int n) {
        return new SyntheticThreads(n);
    }

    /** Live threads in window {@code i} (0-based), before jitter; rounded as counts are. */
    SyntheticThreads threads(IntToDoubleFunction count) {
        this.threads = count;
        return this;
    }

    /** Up to {@code extra} short-lived threads on top in each window, as request bursts make them. */
    SyntheticThreads jitter(int extra, long seed) {
        this.jitter = extra;
        this.seed = seed;
        return this;
    }

    /** The thread census the agent would have gathered. */
    SyntheticThreads census(CensusDiff diff) {
        this.census = diff;
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
            double count = Math.round(threads.applyAsDouble(i)) + (jitter == 0 ? 0 : random.nextInt(jitter + 1));
            values.put(Metric.THREADS_ACTIVE, count);
            values.put(Metric.THREADS_DAEMON, count - 2);
            Instant start = T0.plus(WINDOW.multipliedBy(i));
            timeline.add(new Window(start, start.plus(WINDOW), values, Map.of(), List.of(), 10));
        }
        return timeline;
    }

    AnalysisContext context() {
        Evidence evidence = census == null ? Evidence.NONE : Evidence.NONE.withThreads(census);
        return new AnalysisContext(timeline(), end(windows - 1), 4242L, null, null, Boolean.FALSE, evidence);
    }
}
