package dev.precog.agent.jmx;

import dev.precog.model.Forecast;
import javax.management.ConstructorParameters;

/** A forecast as JMX clients see it; times are -1 when the threshold is not reached. */
public final class ForecastInfo {

    private final String metric;
    private final String model;
    private final double threshold;
    private final double currentValue;
    private final double timeToThresholdSeconds;
    private final double timeToThresholdLowSeconds;
    private final double timeToThresholdHighSeconds;

    @ConstructorParameters({"metric", "model", "threshold", "currentValue", "timeToThresholdSeconds",
        "timeToThresholdLowSeconds", "timeToThresholdHighSeconds"})
    public ForecastInfo(String metric, String model, double threshold, double currentValue,
            double timeToThresholdSeconds, double timeToThresholdLowSeconds, double timeToThresholdHighSeconds) {
        this.metric = metric;
        this.model = model;
        this.threshold = threshold;
        this.currentValue = currentValue;
        this.timeToThresholdSeconds = timeToThresholdSeconds;
        this.timeToThresholdLowSeconds = timeToThresholdLowSeconds;
        this.timeToThresholdHighSeconds = timeToThresholdHighSeconds;
    }

    static ForecastInfo of(Forecast f) {
        return new ForecastInfo(f.metric(), f.model(), f.threshold(), f.currentValue(),
                orMinusOne(f.timeToThresholdSeconds()), orMinusOne(f.timeToThresholdLowSeconds()),
                orMinusOne(f.timeToThresholdHighSeconds()));
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
}
