package dev.precog.analyzer.evidence;

import java.time.Instant;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;

/** Counts by name at one moment: live threads by name prefix, or loaded classes by class-loader type. */
public record Census(Instant at, Map<String, Long> counts) {

    public Census {
        counts = Collections.unmodifiableMap(new HashMap<>(counts));
    }
}
