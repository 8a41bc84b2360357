package dev.precog.model;

import java.time.Instant;
import java.util.List;

/**
 * When a metric reaches its threshold, how sure that is, and which model said so. The time fields
 * are null when the point forecast does not reach the threshold within {@code horizonSeconds};
 * low and high bound the time at {@code intervalLevel} (high is null when the pessimistic bound
 * is reached but the optimistic one is not, within the horizon).
 *
 * @param id stable identity, {@code forecast:<metric>}
 * @param unit the unit of threshold, currentValue and the points
 * @param direction {@code rising} when the threshold is a ceiling, {@code falling} when a floor
 * @param thresholdSource what the threshold is, e.g. {@code -Xmx} or {@code container memory limit}
 * @param firstDetectedAt when this forecast first claimed the crossing, kept while the claim
 *     persists; null when no crossing is claimed
 * @param resolutionSeconds spacing of the history the models were fitted on (coarser for long runs)
 * @param historyPoints how many points of history the models were fitted on
 * @param models every candidate model with its rolling-origin backtest error; one is chosen
 * @param adjustment what the upper bands add to the chosen model's trend, in words (the GC's CPU
 *     as the heap fills, a history's acceleration); null when they add nothing
 */
public record Forecast(
        String id,
        String metric,
        Unit unit,
        String model,
        String direction,
        double threshold,
        String thresholdSource,
        double currentValue,
        double slopePerSecond,
        double intervalLevel,
        Double timeToThresholdSeconds,
        Double timeToThresholdLowSeconds,
        Double timeToThresholdHighSeconds,
        Instant firstDetectedAt,
        double horizonSeconds,
        double resolutionSeconds,
        int historyPoints,
        List<ModelScore> models,
        List<ForecastPoint> points,
        String adjustment,
        String historyNote) {

    public static final String RISING = "rising";
    public static final String FALLING = "falling";

    public Forecast {
        models = List.copyOf(models);
        points = List.copyOf(points);
    }

    /** Whether the point forecast reaches the threshold within the horizon. */
    public boolean claimsCrossing() {
        return timeToThresholdSeconds != null;
    }

    /** The same forecast with its first-detection time set by the tracker. */
    public Forecast withFirstDetectedAt(Instant first) {
        return new Forecast(id, metric, unit, model, direction, threshold, thresholdSource, currentValue, slopePerSecond,
                intervalLevel, timeToThresholdSeconds, timeToThresholdLowSeconds, timeToThresholdHighSeconds, first,
                horizonSeconds, resolutionSeconds, historyPoints, models, points, adjustment, historyNote);
    }

    /**
     * One candidate model and how well it forecast this series' own past.
     *
     * @param backtestMeanAbsoluteError mean absolute error of its point forecasts over the
     *     rolling origins, in the metric's unit; null when the history is too short to backtest
     * @param backtestForecasts how many (origin, lead) pairs the error is averaged over
     */
    public record ModelScore(String model, Double backtestMeanAbsoluteError, int backtestForecasts, boolean chosen) {}
}
