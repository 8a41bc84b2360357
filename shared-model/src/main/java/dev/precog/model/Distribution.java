package dev.precog.model;

/** Percentiles of the durations seen in one window, in milliseconds. */
public record Distribution(long count, double totalMillis, double p50Millis, double p99Millis, double maxMillis) {

    /** True when nothing was recorded. */
    public boolean isEmpty() {
        return count == 0;
    }
}
