package dev.precog.it.accuracy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One metric of a {@code backtest} answer: how well the forecasts made at rolling origins matched
 * what the recording went on to show. Numbers the command leaves undefined ({@code null}) are null.
 *
 * @param chosenModels how many origins each model was chosen at
 * @param pointMape mean absolute percentage error of the point forecasts, as a fraction
 * @param coverage80 share of the actual values inside the 80% interval
 * @param above80 share of them above it (the rest of the misses fell below)
 * @param thresholdSource why this threshold: the real limit when crossed, else a level reached later
 * @param crossedAfterSeconds when the series really crossed the threshold, from the recording's start
 * @param timeToThresholdMape mean absolute percentage error of the forecast time to threshold
 *     against the real time left until the crossing, as a fraction
 * @param crossingsMissed origins before the crossing whose forecast did not cross at all
 */
record SeriesAccuracy(String metric, Long points, Double spanSeconds, Double resolutionSeconds, Long origins,
        Map<String, Long> chosenModels, Long pointForecasts, Double pointMape, Double coverage80, Double coverage95,
        Double above80, Double above95, Double threshold, String thresholdSource, Double crossedAfterSeconds, Long timeToThresholdForecasts,
        Double timeToThresholdMape, Long crossingsMissed) {

    /**
     * Whether every forecast hit every later point exactly (a thread count that never moved): no
     * error to calibrate a band on, so its coverage of 100% says nothing of calibration.
     */
    boolean exact() {
        return pointMape != null && pointMape == 0 && coverage80 != null && coverage80 == 1 && coverage95 != null && coverage95 == 1;
    }

    /** Reads one entry of the answer's {@code series}; missing or null fields become null. */
    static SeriesAccuracy from(JsonNode s) {
        Map<String, Long> models = new LinkedHashMap<>();
        s.path("chosenModels").properties().forEach(e -> models.put(e.getKey(), e.getValue().asLong()));
        return new SeriesAccuracy(s.path("metric").asText("?"), longOrNull(s, "points"), doubleOrNull(s, "spanSeconds"),
                doubleOrNull(s, "resolutionSeconds"), longOrNull(s, "origins"), models, longOrNull(s, "pointForecasts"),
                doubleOrNull(s, "pointMape"), doubleOrNull(s, "coverage80"), doubleOrNull(s, "coverage95"),
                doubleOrNull(s, "above80"), doubleOrNull(s, "above95"),
                doubleOrNull(s, "threshold"), textOrNull(s, "thresholdSource"), doubleOrNull(s, "crossedAfterSeconds"),
                longOrNull(s, "timeToThresholdForecasts"), doubleOrNull(s, "timeToThresholdMape"),
                longOrNull(s, "crossingsMissed"));
    }

    private static Double doubleOrNull(JsonNode s, String field) {
        JsonNode v = s.get(field);
        return v == null || !v.isNumber() ? null : v.asDouble();
    }

    private static Long longOrNull(JsonNode s, String field) {
        JsonNode v = s.get(field);
        return v == null || !v.isNumber() ? null : v.asLong();
    }

    private static String textOrNull(JsonNode s, String field) {
        JsonNode v = s.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }
}
