package dev.precog.it.harness;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Follows what an alert would key on (a kind of finding, or a forecast's claimed crossing) through
 * every report read, to show that it would not flap: once reported, it stays in each later report
 * with the same id and first detection.
 */
public final class AlertWatch {

    private final String what;
    private final Function<JsonNode, List<JsonNode>> find;
    /** By report time: the id and first detection of what was found, or "absent". */
    private final Map<Instant, String> byReport = new LinkedHashMap<>();
    private Instant firstReported;
    private Instant lastReported;
    /** The longest a report showed a finding held as last found: its time less lastDetectedAt. */
    private Duration longestHold = Duration.ZERO;

    private AlertWatch(String what, Function<JsonNode, List<JsonNode>> find) {
        this.what = what;
        this.find = find;
    }

    /** Watches the findings of {@code kind}. */
    public static AlertWatch finding(String kind) {
        return new AlertWatch(kind + " finding", report -> Reports.findings(report, kind));
    }

    /** Watches the forecast of {@code metric} while it claims a crossing (its time to threshold is a number). */
    public static AlertWatch claim(String metric) {
        return new AlertWatch(metric + " claim", report -> Reports.forecast(report, metric)
                .filter(f -> f.path("timeToThresholdSeconds").isNumber()).map(List::of).orElse(List.of()));
    }

    /** Takes in a report read from the file; the same report read twice counts once. */
    public synchronized void see(JsonNode report) {
        Instant at = Instant.parse(report.path("generatedAt").asText());
        List<JsonNode> found = find.apply(report);
        String state = found.isEmpty() ? "absent"
                : found.size() + "x " + found.get(0).path("id").asText() + " since " + found.get(0).path("firstDetectedAt").asText();
        byReport.putIfAbsent(at, state);
        lastReported = lastReported == null || at.isAfter(lastReported) ? at : lastReported;
        if (!found.isEmpty() && firstReported == null) {
            firstReported = at;
        }
        JsonNode last = found.isEmpty() ? null : found.get(0).path("lastDetectedAt");
        if (last != null && last.isTextual()) {
            Duration held = Duration.between(Instant.parse(last.asText()), at);
            longestHold = held.compareTo(longestHold) > 0 ? held : longestHold;
        }
    }

    /** How long it has been followed since a report first had it; zero before that. */
    public synchronized Duration followedFor() {
        return firstReported == null ? Duration.ZERO : Duration.between(firstReported, lastReported);
    }

    /** The reports, from the first that had it on, that lack it or show another identity than the first. */
    public synchronized List<String> flaps() {
        List<String> out = new ArrayList<>();
        if (firstReported == null) {
            return out;
        }
        String first = byReport.get(firstReported);
        byReport.forEach((at, state) -> {
            if (!at.isBefore(firstReported) && !state.equals(first)) {
                out.add(at + ": " + state + " (first: " + first + " at " + firstReported + ")");
            }
        });
        return out;
    }

    /** What is watched and, for a finding, the longest it was held as last found. */
    @Override
    public synchronized String toString() {
        return what + " followed for " + followedFor() + ", longest held " + longestHold;
    }
}
