package dev.precog.analyzer.timeline;

import dev.precog.model.Aggregation;
import dev.precog.model.Metric;
import dev.precog.model.Window;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;

/**
 * Coarse buckets of the metrics that forecasts read, kept for a week: once the timeline's ring has
 * dropped its oldest windows, long horizons are fitted on these. Each metric folds into its bucket
 * by its own aggregation (the floor of the live set, the peak of RSS, the mean of CPU), so the
 * memory is a fixed few hundred kilobytes however long the JVM runs.
 */
public final class Rollup {

    /** Five-minute buckets... */
    public static final double BUCKET_SECONDS = 300;
    /** ...for seven days. */
    public static final int CAPACITY = 7 * 24 * 12;

    private final Map<Metric, Ring> rings = new EnumMap<>(Metric.class);

    Rollup(Set<Metric> metrics) {
        for (Metric m : metrics) {
            rings.put(m, new Ring(m.aggregation()));
        }
    }

    void add(Window w) {
        double end = w.end().toEpochMilli() / 1000.0;
        long bucket = (long) Math.floor(end / BUCKET_SECONDS);
        for (Map.Entry<Metric, Ring> e : rings.entrySet()) {
            w.value(e.getKey()).ifPresent(v -> e.getValue().add(bucket, end, v));
        }
    }

    /** The metric's buckets, oldest first, each at the end time of its last window; empty when not rolled up. */
    Series series(Metric metric) {
        Ring r = rings.get(metric);
        return r == null ? new Series(new double[0], new double[0]) : r.series();
    }

    /** A ring of buckets of one metric; the newest bucket is still filling. */
    private static final class Ring {
        private final Aggregation how;
        private final long[] buckets = new long[CAPACITY];
        private final double[] times = new double[CAPACITY];
        private final double[] values = new double[CAPACITY];
        private final int[] counts = new int[CAPACITY];
        private int head;
        private int size;

        Ring(Aggregation how) {
            this.how = how;
        }

        void add(long bucket, double time, double value) {
            int last = (head + size - 1) % CAPACITY;
            if (size > 0 && buckets[last] == bucket) {
                values[last] = fold(values[last], counts[last], value);
                counts[last]++;
                times[last] = time;
                return;
            }
            int slot;
            if (size == CAPACITY) {
                slot = head;
                head = (head + 1) % CAPACITY;
            } else {
                slot = (head + size) % CAPACITY;
                size++;
            }
            buckets[slot] = bucket;
            times[slot] = time;
            values[slot] = value;
            counts[slot] = 1;
        }

        private double fold(double acc, int count, double value) {
            return switch (how) {
                case MIN -> Math.min(acc, value);
                case MAX -> Math.max(acc, value);
                case LAST -> value;
                case SUM -> acc + value;
                case MEAN -> acc + (value - acc) / (count + 1);
            };
        }

        Series series() {
            double[] t = new double[size];
            double[] v = new double[size];
            for (int i = 0; i < size; i++) {
                int slot = (head + i) % CAPACITY;
                t[i] = times[slot];
                v[i] = values[slot];
            }
            return new Series(t, v);
        }
    }
}
