package dev.precog.model;

/** How urgently a finding needs an operator; ordered from least to most urgent. */
public enum Severity {
    INFO,
    WARNING,
    CRITICAL;

    /** True when this severity is at least {@code other}. */
    public boolean atLeast(Severity other) {
        return compareTo(other) >= 0;
    }
}
