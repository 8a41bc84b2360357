package dev.precog.it.harness;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Follows one kind of finding through every report read, to show that an alert keyed on it would
 * not flap: once reported, it stays in each later report with the same id and first detection.
 */
public final class FindingWatch {

    private final String kind;
    /** By report time: the finding's id and first detection, or "absent". */
    private final Map<Instant, String> byReport = new LinkedHashMap<>();
    private Instant firstReported;
    /** The longest a report showed the finding held as last found: its time less lastDetectedAt. */
    private Duration longestHold = Duration.ZERO;

    public FindingWatch(String kind) {
        this.kind = kind;
    }

    /** Takes in a report read from the file; the same report read twice counts once. */
    public synchronized void see(JsonNode report) {
        Instant at = Instant.parse(report.path("generatedAt").asText());
        List<JsonNode> found = Reports.findings(report, kind);
        String state = found.isEmpty() ? "absent"
                : found.size() + "x " + found.get(0).path("id").asText() + " since " + found.get(0).path("firstDetectedAt").asText();
        byReport.putIfAbsent(at, state);
        if (!found.isEmpty() && firstReported == null) {
            firstReported = at;
        }
        JsonNode last = found.isEmpty() ? null : found.get(0).path("lastDetectedAt");
        if (last != null && last.isTextual()) {
            Duration held = Duration.between(Instant.parse(last.asText()), at);
            longestHold = held.compareTo(longestHold) > 0 ? held : longestHold;
        }
    }

    /** The longest the finding was held in a report, not found but reported as last found. */
    public synchronized Duration longestHold() {
        return longestHold;
    }

    /** How long the finding has been followed since a report first had it; zero before that. */
    public synchronized Duration followedFor() {
        if (firstReported == null) {
            return Duration.ZERO;
        }
        Instant last = firstReported;
        for (Instant at : byReport.keySet()) {
            last = at.isAfter(last) ? at : last;
        }
        return Duration.between(firstReported, last);
    }

    /** The reports, from the first that had the finding on, that lack it or show another identity than the first. */
    public synchronized List<String> flaps() {
        List<String> out = new ArrayList<>();
        String first = firstReported == null ? null : byReport.get(firstReported);
        byReport.forEach((at, state) -> {
            if (first != null && !at.isBefore(firstReported) && !state.equals(first)) {
                out.add(at + ": " + state + " (first: " + first + " at " + firstReported + ")");
            }
        });
        return out;
    }
}
