package dev.precog.analyzer.forecast;

import dev.precog.model.Forecast;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Gives a forecast's claimed crossing a {@code firstDetectedAt} that survives from one evaluation
 * to the next, and a few evaluations without the claim, so an alert keyed on it does not flap when
 * one noisy window nudges the forecast past its horizon and back.
 */
public final class ForecastTracker {

    private final int forgetAfter;
    private final Map<String, Claim> claims = new HashMap<>();

    /** A claim absent for {@code forgetAfter} evaluations in a row is forgotten. */
    public ForecastTracker(int forgetAfter) {
        this.forgetAfter = forgetAfter;
    }

    public synchronized List<Forecast> track(List<Forecast> forecasts, Instant now) {
        List<Forecast> out = new ArrayList<>(forecasts.size());
        for (Forecast f : forecasts) {
            if (f.claimsCrossing()) {
                Claim c = claims.computeIfAbsent(f.id(), k -> new Claim(now));
                c.missed = -1;
                out.add(f.withFirstDetectedAt(c.firstSeen));
            } else {
                out.add(f);
            }
        }
        claims.values().removeIf(c -> ++c.missed >= forgetAfter);
        return out;
    }

    private static final class Claim {
        final Instant firstSeen;
        int missed = -1;

        Claim(Instant firstSeen) {
            this.firstSeen = firstSeen;
        }
    }
}
