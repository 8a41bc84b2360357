package dev.precog.analyzer.timeline;

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
        if (size() <= maxPoints) {
            return this;
        }
        double per = (double) size() / maxPoints;
        double[] t = new double[maxPoints];
        double[] v = new double[maxPoints];
        for (int g = 0; g < maxPoints; g++) {
            int from = (int) Math.floor(g * per);
            int to = (int) Math.min(size(), Math.floor((g + 1) * per));
            double min = Double.POSITIVE_INFINITY;
            for (int i = from; i < to; i++) {
                min = Math.min(min, values[i]);
            }
            t[g] = times[to - 1];
            v[g] = min;
        }
        return new Series(t, v);
    }
}
