package dev.precog.analyzer.timeline;

import dev.precog.model.Metric;
import dev.precog.model.Window;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.OptionalDouble;
import java.util.Set;

/**
 * A bounded ring of the most recent windows: the only thing detectors and forecasters read.
 * Appended by one thread, read by others. Only the most recent {@link #DETAILED} windows keep
 * their lock, I/O and CPU-sample detail, which only detectors of the last minutes read; older ones
 * keep their metrics and allocation weights, so hours of history stay a few megabytes; forecasts
 * reach further back through the coarse {@link Rollup}.
 */
public final class Timeline {

    /** Windows that keep their wait sites and hot methods and threads. */
    public static final int DETAILED = 120;
    /** The metrics forecasts read, also kept in the week-long {@link Rollup}. */
    public static final Set<Metric> FORECAST_METRICS = Collections.unmodifiableSet(EnumSet.of(
            Metric.HEAP_USED_AFTER_GC, Metric.METASPACE_USED, Metric.PROCESS_RSS, Metric.HOST_MEMORY_AVAILABLE,
            Metric.HOST_MEMORY_TOTAL, Metric.CONTAINER_MEMORY_USED, Metric.CONTAINER_MEMORY_LIMIT, Metric.THREADS_ACTIVE,
            Metric.CPU_JVM_USER, Metric.CPU_JVM_SYSTEM, Metric.HOST_CPU, Metric.CPU_MACHINE));

    private final int capacity;
    private final ArrayDeque<Window> windows;
    private final ArrayDeque<Window> recent = new ArrayDeque<>();
    private final Rollup rollup = new Rollup(FORECAST_METRICS);
    private long appended;

    public Timeline(int capacity) {
        if (capacity < 2) {
            throw new IllegalArgumentException("timeline capacity must be at least 2");
        }
        this.capacity = capacity;
        this.windows = new ArrayDeque<>(capacity);
    }

    public synchronized void add(Window window) {
        if (windows.size() + recent.size() == capacity) {
            if (windows.isEmpty()) {
                recent.removeFirst();
            } else {
                windows.removeFirst();
            }
        }
        recent.addLast(window);
        rollup.add(window);
        if (recent.size() > DETAILED) {
            windows.addLast(recent.removeFirst().withoutDetail());
        }
        appended++;
    }

    /** A snapshot of the windows held, oldest first. */
    public synchronized List<Window> windows() {
        List<Window> all = new ArrayList<>(windows.size() + recent.size());
        all.addAll(windows);
        all.addAll(recent);
        return all;
    }

    /** Windows appended since creation, including those the ring has dropped. */
    public synchronized long appended() {
        return appended;
    }

    public synchronized int size() {
        return windows.size() + recent.size();
    }

    /** The metric over the windows where it was observed. */
    public Series series(Metric metric) {
        List<Window> snapshot = windows();
        double[] t = new double[snapshot.size()];
        double[] v = new double[snapshot.size()];
        int n = 0;
        for (Window w : snapshot) {
            OptionalDouble value = w.value(metric);
            if (value.isPresent()) {
                t[n] = w.end().toEpochMilli() / 1000.0;
                v[n] = value.getAsDouble();
                n++;
            }
        }
        return new Series(Arrays.copyOf(t, n), Arrays.copyOf(v, n));
    }

    /**
     * The metric's whole history for forecasting: the windows themselves while the ring still
     * holds every window appended, else the five-minute {@link Rollup} buckets, which reach back a
     * week. Only {@link #FORECAST_METRICS} are rolled up.
     */
    public Series history(Metric metric) {
        synchronized (this) {
            if (appended > windows.size() + recent.size() && FORECAST_METRICS.contains(metric)) {
                return rollup.series(metric);
            }
        }
        return series(metric);
    }

    /** The most recent observed value of {@code metric}. */
    public OptionalDouble latest(Metric metric) {
        List<Window> snapshot = windows();
        for (int i = snapshot.size() - 1; i >= 0; i--) {
            OptionalDouble v = snapshot.get(i).value(metric);
            if (v.isPresent()) {
                return v;
            }
        }
        return OptionalDouble.empty();
    }

    /** Sum of {@code metric} over the windows ending after {@code fromEpochSeconds}. */
    public double sumSince(Metric metric, double fromEpochSeconds) {
        double sum = 0;
        for (Window w : windows()) {
            if (w.end().toEpochMilli() / 1000.0 >= fromEpochSeconds) {
                sum += w.value(metric).orElse(0);
            }
        }
        return sum;
    }
}
