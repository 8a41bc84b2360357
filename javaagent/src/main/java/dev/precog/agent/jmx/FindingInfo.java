package dev.precog.agent.jmx;

import dev.precog.model.Finding;
import dev.precog.model.Suspect;
import javax.management.ConstructorParameters;

/** A finding as JMX clients see it (an open-type composite). */
public final class FindingInfo {

    private final String id;
    private final String kind;
    private final String severity;
    private final double confidence;
    private final String firstDetectedAt;
    private final String lastDetectedAt;
    private final String pattern;
    private final String summary;
    private final String[] suspects;

    @ConstructorParameters({"id", "kind", "severity", "confidence", "firstDetectedAt", "lastDetectedAt", "pattern", "summary",
            "suspects"})
    public FindingInfo(String id, String kind, String severity, double confidence, String firstDetectedAt,
            String lastDetectedAt, String pattern, String summary, String[] suspects) {
        this.id = id;
        this.kind = kind;
        this.severity = severity;
        this.confidence = confidence;
        this.firstDetectedAt = firstDetectedAt;
        this.lastDetectedAt = lastDetectedAt;
        this.pattern = pattern;
        this.summary = summary;
        this.suspects = suspects.clone();
    }

    static FindingInfo of(Finding f) {
        return new FindingInfo(f.id(), f.kind().name(), f.severity().name(), f.confidence(),
                f.firstDetectedAt().toString(), f.lastDetectedAt().toString(), f.pattern(), f.summary(),
                f.suspects().stream().map(Suspect::className).toArray(String[]::new));
    }

    public String getId() {
        return id;
    }

    public String getKind() {
        return kind;
    }

    public String getSeverity() {
        return severity;
    }

    public double getConfidence() {
        return confidence;
    }

    public String getFirstDetectedAt() {
        return firstDetectedAt;
    }

    /** When a detector last found it: earlier than the report while the finding is held through a short absence. */
    public String getLastDetectedAt() {
        return lastDetectedAt;
    }

    public String getPattern() {
        return pattern;
    }

    public String getSummary() {
        return summary;
    }

    public String[] getSuspects() {
        return suspects.clone();
    }
}
