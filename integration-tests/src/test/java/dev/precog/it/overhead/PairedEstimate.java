package dev.precog.it.overhead;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.DoubleBinaryOperator;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;
import java.util.stream.Collectors;

/**
 * A comparison of two variants from runs paired by round (so that a slow spell of the shared
 * machine weighs on both sides of a pair): the median of the per-round values, a percentile
 * bootstrap 95% interval of that median, and their range.
 *
 * @param pairs how many rounds had both runs
 */
record PairedEstimate(int pairs, double median, double low, double high, double min, double max) {

    private static final int RESAMPLES = 4000;

    /**
     * Compares runs {@code a} with runs {@code b} pair by pair: {@code op(metric(a), metric(b))}
     * for every {@code a} whose key a {@code b} shares.
     */
    static <T> PairedEstimate compare(List<T> a, List<T> b, Function<T, Object> key, ToDoubleFunction<T> metric,
            DoubleBinaryOperator op, long seed) {
        Map<Object, T> byKey = b.stream().collect(Collectors.toMap(key, t -> t, (x, y) -> x));
        List<Double> perPair = new ArrayList<>();
        for (T t : a) {
            T other = byKey.get(key.apply(t));
            if (other != null) {
                perPair.add(op.applyAsDouble(metric.applyAsDouble(t), metric.applyAsDouble(other)));
            }
        }
        return of(perPair, seed);
    }

    /** Per-round values, already the ratio or difference of the two runs of a round. */
    static PairedEstimate of(List<Double> perRound, long seed) {
        double[] v = perRound.stream().mapToDouble(Double::doubleValue).filter(Double::isFinite).toArray();
        if (v.length == 0) {
            return new PairedEstimate(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
        }
        Random random = new Random(seed);
        double[] medians = new double[RESAMPLES];
        double[] resample = new double[v.length];
        for (int b = 0; b < RESAMPLES; b++) {
            for (int i = 0; i < v.length; i++) {
                resample[i] = v[random.nextInt(v.length)];
            }
            medians[b] = SampleStats.median(resample);
        }
        Arrays.sort(medians);
        double[] sorted = v.clone();
        Arrays.sort(sorted);
        return new PairedEstimate(v.length, SampleStats.median(v), SampleStats.quantile(medians, 0.025),
                SampleStats.quantile(medians, 0.975), sorted[0], sorted[sorted.length - 1]);
    }
}
