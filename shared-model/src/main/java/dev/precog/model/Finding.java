package dev.precog.model;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One diagnosed problem. {@code id} stays the same while the same problem persists,
 * {@code firstDetectedAt} is when it was first reported and {@code lastDetectedAt} when a detector
 * last found it: earlier than the report when the finding is held through a short absence (see
 * FindingTracker), with the rest as it was then. The evidence keeps the order the detector gave it
 * (the report lists it so, most telling first, the same from one report to the next).
 */
public record Finding(
        String id,
        FindingKind kind,
        Severity severity,
        double confidence,
        Instant firstDetectedAt,
        Instant lastDetectedAt,
        String pattern,
        String summary,
        Map<String, Object> evidence,
        List<Suspect> suspects,
        List<Suggestion> suggestions) {

    public Finding {
        if (confidence < 0 || confidence > 1) {
            throw new IllegalArgumentException("confidence must be within 0..1: " + confidence);
        }
        Map<String, Object> ordered = new LinkedHashMap<>();
        evidence.forEach((k, v) -> ordered.put(Objects.requireNonNull(k, "evidence key"),
                Objects.requireNonNull(v, () -> "evidence " + k)));
        evidence = Collections.unmodifiableMap(ordered);
        suspects = List.copyOf(suspects);
        suggestions = List.copyOf(suggestions);
    }

    /** A finding detected at {@code detectedAt}, for the first and the last time so far. */
    public Finding(String id, FindingKind kind, Severity severity, double confidence, Instant detectedAt, String pattern,
            String summary, Map<String, Object> evidence, List<Suspect> suspects, List<Suggestion> suggestions) {
        this(id, kind, severity, confidence, detectedAt, detectedAt, pattern, summary, evidence, suspects, suggestions);
    }

    /** The same finding, first detected at {@code at} and known by {@code stableId}. */
    public Finding withIdentity(String stableId, Instant at) {
        return new Finding(stableId, kind, severity, confidence, at, lastDetectedAt, pattern, summary, evidence, suspects,
                suggestions);
    }

    /** The same finding with {@code evidence} in place of its own. */
    public Finding withEvidence(Map<String, Object> evidence) {
        return new Finding(id, kind, severity, confidence, firstDetectedAt, lastDetectedAt, pattern, summary, evidence, suspects,
                suggestions);
    }
}
