package dev.precog.model;

/** The unit of a metric value. */
public enum Unit {
    BYTES,
    COUNT,
    MILLISECONDS,
    /** A share between 0 and 1 (CPU load, for example). */
    RATIO
}
