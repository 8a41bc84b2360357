package dev.precog.analyzer.forecast;

import dev.precog.analyzer.timeline.Series;
import java.util.function.IntToDoubleFunction;

/** Test series with evenly spaced points. */
final class EvenSeries {

    /** Epoch seconds of the first point. */
    static final double T0 = 1.7e9;

    private EvenSeries() {}

    /** {@code n} points {@code step} seconds apart from {@link #T0}, the i-th worth {@code value(i)}. */
    static Series of(int n, double step, IntToDoubleFunction value) {
        double[] t = new double[n];
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            t[i] = T0 + step * i;
            v[i] = value.applyAsDouble(i);
        }
        return new Series(t, v);
    }
}
