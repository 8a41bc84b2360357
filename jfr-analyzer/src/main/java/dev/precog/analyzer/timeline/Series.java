package dev.precog.analyzer.timeline;

import dev.precog.model.Aggregation;
import java.time.Instant;
import java.util.Arrays;

/**
 * One metric over time: parallel arrays of window end times (epoch seconds) and values,
 * holding only the windows where the metric was observed.
 */
public record Series(double[] times, double[] values) {

    public int size() {
        return values.length;
    }

    public boolean isEmpty() {
        return values.length == 0;
    }

    /** The last {@code n} points (all when fewer). */
    public Series last(int n) {
        return from(Math.max(0, size() - n));
    }

    /** The first {@code n} points (all when fewer). */
    public Series first(int n) {
        int count = Math.min(n, size());
        return new Series(Arrays.copyOf(times, count), Arrays.copyOf(values, count));
    }

    /** Points from index {@code first} on. */
    public Series from(int first) {
        int n = size() - first;
        double[] t = new double[n];
        double[] v = new double[n];
        System.arraycopy(times, first, t, 0, n);
        System.arraycopy(values, first, v, 0, n);
        return new Series(t, v);
    }

    /** Time between the first and the last point, in seconds. */
    public double spanSeconds() {
        return isEmpty() ? 0 : times[size() - 1] - times[0];
    }

    public Instant timeAt(int i) {
        return Instant.ofEpochMilli(Math.round(times[i] * 1000));
    }

    public double lastValue() {
        return values[size() - 1];
    }

    public double lastTime() {
        return times[size() - 1];
    }

    /**
     * At most {@code maxPoints} points: consecutive points are grouped and each group is
     * represented by its minimum value, which keeps the floor of the signal (the live set).
     */
    public Series downsampleByMin(int maxPoints) {
        return downsample(maxPoints, Aggregation.MIN);
    }

    /**
     * At most {@code maxPoints} points: consecutive points are grouped, each group folded by
     * {@code how} (the metric's own aggregation) and placed at its last point's time.
     */
    public Series downsample(int maxPoints, Aggregation how) {
        if (size() <= maxPoints) {
            return this;
        }
        double per = (double) size() / maxPoints;
        double[] t = new double[maxPoints];
        double[] v = new double[maxPoints];
        for (int g = 0; g < maxPoints; g++) {
            int from = (int) Math.floor(g * per);
            int to = (int) Math.min(size(), Math.floor((g + 1) * per));
            t[g] = times[to - 1];
            v[g] = fold(from, to, how);
        }
        return new Series(t, v);
    }

    private double fold(int from, int to, Aggregation how) {
        double acc = switch (how) {
            case MIN -> Double.POSITIVE_INFINITY;
            case MAX -> Double.NEGATIVE_INFINITY;
            default -> 0;
        };
        for (int i = from; i < to; i++) {
            acc = switch (how) {
                case MIN -> Math.min(acc, values[i]);
                case MAX -> Math.max(acc, values[i]);
                case LAST -> values[i];
                case MEAN, SUM -> acc + values[i];
            };
        }
        return how == Aggregation.MEAN ? acc / (to - from) : acc;
    }

    /** The sum of this series and {@code other} at the times both hold a value. */
    public Series plus(Series other) {
        double[] t = new double[Math.min(size(), other.size())];
        double[] v = new double[t.length];
        int n = 0;
        int j = 0;
        for (int i = 0; i < size() && j < other.size(); i++) {
            while (j < other.size() && other.times[j] < times[i]) {
                j++;
            }
            if (j < other.size() && other.times[j] == times[i]) {
                t[n] = times[i];
                v[n++] = values[i] + other.values[j];
            }
        }
        return new Series(Arrays.copyOf(t, n), Arrays.copyOf(v, n));
    }
}
