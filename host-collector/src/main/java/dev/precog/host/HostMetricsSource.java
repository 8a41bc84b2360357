package dev.precog.host;

import dev.precog.model.HostSample;

/** Reads host and process metrics, one {@link HostSample} per call. */
public interface HostMetricsSource {

    /**
     * Takes one reading. Never throws: a metric that cannot be read is absent from the sample.
     * Call from one thread at a time; a source may keep state between calls (CPU ticks).
     */
    HostSample sample();

    /** What this source reads with, or why it reads less than usual, for status output. */
    String description();
}
