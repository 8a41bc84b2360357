package dev.precog.analyzer.forecast;

import dev.precog.analyzer.detect.FirstSeen;
import dev.precog.model.Forecast;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Gives a forecast's claimed crossing a {@code firstDetectedAt} that survives from one evaluation
 * to the next, and a few evaluations without the claim, so an alert keyed on it does not flap when
 * one noisy window nudges the forecast past its horizon and back.
 */
public final class ForecastTracker {

    private final FirstSeen firstSeen;

    /** A claim absent for {@code forgetAfter} evaluations in a row, for {@code forgetAfterTime} or more, is forgotten. */
    public ForecastTracker(int forgetAfter, Duration forgetAfterTime) {
        this.firstSeen = new FirstSeen(forgetAfter, forgetAfterTime);
    }

    public synchronized List<Forecast> track(List<Forecast> forecasts, Instant now) {
        List<Forecast> out = new ArrayList<>(forecasts.size());
        for (Forecast f : forecasts) {
            out.add(f.claimsCrossing() ? f.withFirstDetectedAt(firstSeen.seen(f.id(), now)) : f);
        }
        firstSeen.endEvaluation(now);
        return out;
    }
}
