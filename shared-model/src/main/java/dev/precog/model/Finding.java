package dev.precog.model;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One diagnosed problem. {@code id} stays the same while the same problem persists, and
 * {@code firstDetectedAt} is when it was first reported. The evidence keeps the order the detector
 * gave it (the report lists it so, most telling first, the same from one report to the next).
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
        Map<String, Object> ordered = new LinkedHashMap<>();
        evidence.forEach((k, v) -> ordered.put(Objects.requireNonNull(k, "evidence key"),
                Objects.requireNonNull(v, () -> "evidence " + k)));
        evidence = Collections.unmodifiableMap(ordered);
        suspects = List.copyOf(suspects);
        suggestions = List.copyOf(suggestions);
    }

    /** The same finding, first detected at {@code at} and known by {@code stableId}. */
    public Finding withIdentity(String stableId, Instant at) {
        return new Finding(stableId, kind, severity, confidence, at, pattern, summary, evidence, suspects, suggestions);
    }
}
