package dev.precog.it.accuracy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One metric's accuracy over every recording at once: each measure is the mean over all the
 * (origin, point) pairs of all its series, so a long recording counts for its many forecasts and
 * a series too wide offsets none of another's narrowness in the per-series flags, only here.
 *
 * @param series series pooled (those with forecasts)
 * @param farFromNominal of them, how many have coverage far from nominal on their own
 * @param origins forecasts made, over all series but those forecast exactly (the coverage's trials)
 * @param pointForecasts (origin, point) pairs pooled
 * @param pointMape mean absolute percentage error over those pairs; null when no series had one
 * @param coverage80 share of all actual values inside their 80% interval, series forecast exactly left out
 * @param coverage95 the same for the 95% interval
 * @param above80 share of all actual values above their 80% interval
 * @param above95 the same for the 95% interval
 * @param timeToThresholdForecasts origins that forecast a crossing, over all series
 * @param timeToThresholdMape mean absolute percentage error of those times; null when none
 * @param crossingsMissed origins, over all series, whose forecast missed a crossing within its horizon
 */
record PooledAccuracy(String metric, int series, int farFromNominal, long origins, long pointForecasts, Double pointMape,
        Double coverage80, Double coverage95, Double above80, Double above95, long timeToThresholdForecasts, Double timeToThresholdMape,
        long crossingsMissed) {

    /** One entry per metric, in the order the metrics first appear. */
    static List<PooledAccuracy> of(List<SeriesAccuracy> all) {
        Map<String, List<SeriesAccuracy>> byMetric = new LinkedHashMap<>();
        for (SeriesAccuracy s : all) {
            if (s.pointForecasts() != null && s.pointForecasts() > 0) {
                byMetric.computeIfAbsent(s.metric(), m -> new ArrayList<>()).add(s);
            }
        }
        List<PooledAccuracy> pooled = new ArrayList<>();
        byMetric.forEach((metric, list) -> pooled.add(pool(metric, list)));
        return pooled;
    }

    private static PooledAccuracy pool(String metric, List<SeriesAccuracy> list) {
        long pairs = 0;
        long origins = 0;
        long tttForecasts = 0;
        long missed = 0;
        int far = 0;
        WeightedMean mape = new WeightedMean();
        WeightedMean in80 = new WeightedMean();
        WeightedMean in95 = new WeightedMean();
        WeightedMean over80 = new WeightedMean();
        WeightedMean over95 = new WeightedMean();
        WeightedMean ttt = new WeightedMean();
        for (SeriesAccuracy s : list) {
            long n = s.pointForecasts();
            pairs += n;
            mape.add(s.pointMape(), n);
            if (!s.exact()) {
                // a series forecast exactly has no error to calibrate on: its 100% would only pull the pool up
                origins += s.origins() == null ? 0 : s.origins();
                in80.add(s.coverage80(), n);
                in95.add(s.coverage95(), n);
                over80.add(s.above80(), n);
                over95.add(s.above95(), n);
            }
            long t = s.timeToThresholdForecasts() == null ? 0 : s.timeToThresholdForecasts();
            tttForecasts += t;
            ttt.add(s.timeToThresholdMape(), t);
            missed += s.crossingsMissed() == null ? 0 : s.crossingsMissed();
            far += AccuracyTable.farFromNominal(s) ? 1 : 0;
        }
        return new PooledAccuracy(metric, list.size(), far, origins, pairs, mape.value(), in80.value(), in95.value(), over80.value(),
                over95.value(), tttForecasts,
                ttt.value(), missed);
    }

    /** A mean of values each standing for {@code weight} pairs; null values and weights of zero are skipped. */
    private static final class WeightedMean {
        private double sum;
        private long weight;

        void add(Double value, long w) {
            if (value != null && w > 0) {
                sum += value * w;
                weight += w;
            }
        }

        Double value() {
            return weight == 0 ? null : sum / weight;
        }
    }
}
