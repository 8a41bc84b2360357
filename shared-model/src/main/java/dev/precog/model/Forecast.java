package dev.precog.model;

import java.util.List;

/**
 * When a metric reaches its threshold. The time fields are null when the metric does not
 * reach the threshold within the forecast horizon; low and high bound the interval given by
 * {@code intervalLevel}.
 */
public record Forecast(
        String metric,
        String model,
        double threshold,
        double currentValue,
        double slopePerSecond,
        double intervalLevel,
        Double timeToThresholdSeconds,
        Double timeToThresholdLowSeconds,
        Double timeToThresholdHighSeconds,
        List<ForecastPoint> points) {

    public Forecast {
        points = List.copyOf(points);
    }
}
