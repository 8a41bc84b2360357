package dev.precog.model;

import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;

/**
 * One reading of host and process metrics. Values that could not be read are absent from
 * {@link #values()} rather than zero.
 */
public record HostSample(Instant at, Map<Metric, Double> values) {

    public HostSample {
        values = values.isEmpty() ? Map.of() : Map.copyOf(new EnumMap<>(values));
    }
}
