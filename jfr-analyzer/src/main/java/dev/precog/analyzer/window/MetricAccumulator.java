package dev.precog.analyzer.window;

import dev.precog.model.Metric;
import java.util.EnumMap;
import java.util.Map;

/** Folds the values of every metric seen in one window by each metric's aggregation. Not thread-safe. */
final class MetricAccumulator {

    private final double[] values = new double[Metric.values().length];
    private final long[] counts = new long[Metric.values().length];

    void record(Metric metric, double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            return;
        }
        int i = metric.ordinal();
        long n = counts[i]++;
        if (n == 0) {
            values[i] = value;
            return;
        }
        switch (metric.aggregation()) {
            case MIN -> values[i] = Math.min(values[i], value);
            case MAX -> values[i] = Math.max(values[i], value);
            case LAST -> values[i] = value;
            case SUM -> values[i] += value;
            case MEAN -> values[i] += (value - values[i]) / (n + 1);
        }
    }

    /** The folded values of the metrics seen at least once. */
    Map<Metric, Double> snapshot() {
        Map<Metric, Double> out = new EnumMap<>(Metric.class);
        for (Metric m : Metric.values()) {
            if (counts[m.ordinal()] > 0) {
                out.put(m, values[m.ordinal()]);
            }
        }
        return out;
    }
}
