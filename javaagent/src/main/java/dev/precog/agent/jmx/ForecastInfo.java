package dev.precog.agent.jmx;

import dev.precog.model.Forecast;
import javax.management.ConstructorParameters;

/** A forecast as JMX clients see it; times are -1 when the threshold is not reached (the high bound also when only it is not). */
public final class ForecastInfo {

    private final String metric;
    private final String model;
    private final double threshold;
    private final double currentValue;
    private final double timeToThresholdSeconds;
    private final double timeToThresholdLowSeconds;
    private final double timeToThresholdHighSeconds;
    private final String unit;
    private final String thresholdSource;
    private final String firstDetectedAt;
    private final String adjustment;
    private final String historyNote;

    @ConstructorParameters({"metric", "model", "threshold", "currentValue", "timeToThresholdSeconds",
        "timeToThresholdLowSeconds", "timeToThresholdHighSeconds", "unit", "thresholdSource", "firstDetectedAt", "adjustment",
        "historyNote"})
    public ForecastInfo(String metric, String model, double threshold, double currentValue,
            double timeToThresholdSeconds, double timeToThresholdLowSeconds, double timeToThresholdHighSeconds,
            String unit, String thresholdSource, String firstDetectedAt, String adjustment, String historyNote) {
        this.metric = metric;
        this.model = model;
        this.threshold = threshold;
        this.currentValue = currentValue;
        this.timeToThresholdSeconds = timeToThresholdSeconds;
        this.timeToThresholdLowSeconds = timeToThresholdLowSeconds;
        this.timeToThresholdHighSeconds = timeToThresholdHighSeconds;
        this.unit = unit;
        this.thresholdSource = thresholdSource;
        this.firstDetectedAt = firstDetectedAt;
        this.adjustment = adjustment;
        this.historyNote = historyNote;
    }

    static ForecastInfo of(Forecast f) {
        return new ForecastInfo(f.metric(), f.model(), f.threshold(), f.currentValue(),
                orMinusOne(f.timeToThresholdSeconds()), orMinusOne(f.timeToThresholdLowSeconds()),
                orMinusOne(f.timeToThresholdHighSeconds()), f.unit() == null ? null : f.unit().name(), f.thresholdSource(),
                f.firstDetectedAt() == null ? null : f.firstDetectedAt().toString(), f.adjustment(),
                f.historyNote());
    }

    private static double orMinusOne(Double d) {
        return d == null ? -1 : d;
    }

    public String getMetric() {
        return metric;
    }

    public String getModel() {
        return model;
    }

    public double getThreshold() {
        return threshold;
    }

    public double getCurrentValue() {
        return currentValue;
    }

    public double getTimeToThresholdSeconds() {
        return timeToThresholdSeconds;
    }

    public double getTimeToThresholdLowSeconds() {
        return timeToThresholdLowSeconds;
    }

    public double getTimeToThresholdHighSeconds() {
        return timeToThresholdHighSeconds;
    }

    /** BYTES, COUNT or RATIO: the unit of threshold and currentValue. */
    public String getUnit() {
        return unit;
    }

    /** What the threshold is, e.g. "max heap (-Xmx)". */
    public String getThresholdSource() {
        return thresholdSource;
    }

    /** When the crossing was first forecast (ISO-8601), or null when none is. */
    public String getFirstDetectedAt() {
        return firstDetectedAt;
    }

    /** What the upper bands add to the model's trend, in words (the report's {@code adjustment}), or null. */
    public String getAdjustment() {
        return adjustment;
    }

    /** Why the forecast's history starts where it does, in words (the report's {@code historyNote}), or null. */
    public String getHistoryNote() {
        return historyNote;
    }
}
