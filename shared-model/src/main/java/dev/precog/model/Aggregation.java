package dev.precog.model;

/** How the values of one metric seen during a window fold into the window's single value. */
public enum Aggregation {
    MIN,
    MAX,
    LAST,
    MEAN,
    SUM
}
