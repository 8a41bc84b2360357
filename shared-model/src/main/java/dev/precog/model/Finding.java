package dev.precog.model;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One diagnosed problem. {@code id} stays the same while the same problem persists, and
 * {@code firstDetectedAt} is when it was first reported.
 */
public record Finding(
        String id,
        FindingKind kind,
        Severity severity,
        double confidence,
        Instant firstDetectedAt,
        String pattern,
        String summary,
        Map<String, Object> evidence,
        List<Suspect> suspects,
        List<Suggestion> suggestions) {

    public Finding {
        if (confidence < 0 || confidence > 1) {
            throw new IllegalArgumentException("confidence must be within 0..1: " + confidence);
        }
        evidence = Map.copyOf(evidence);
        suspects = List.copyOf(suspects);
        suggestions = List.copyOf(suggestions);
    }

    /** The same finding, first detected at {@code at} and known by {@code stableId}. */
    public Finding withIdentity(String stableId, Instant at) {
        return new Finding(stableId, kind, severity, confidence, at, pattern, summary, evidence, suspects, suggestions);
    }
}
