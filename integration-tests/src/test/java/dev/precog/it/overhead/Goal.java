package dev.precog.it.overhead;

import java.util.Locale;

/**
 * One of the overhead goals, as a limit on a cost (larger is worse), and the verdict on
 * a paired estimate of that cost: met or missed by the median, and whether the 95% interval
 * agrees.
 */
record Goal(String name, double limit, String unit) {

    static final Goal THROUGHPUT_VS_NONE = new Goal("throughput within 1% of no agent", 1.0, "%");
    static final Goal THROUGHPUT_VS_JFR = new Goal("throughput within 0.5% of plain JFR", 0.5, "%");
    static final Goal MEMORY = new Goal("agent memory under 30 MB", 30.0, " MB");
    static final Goal STARTUP = new Goal("start-up delay under 300 ms", 300.0, " ms");

    /** The verdict on a cost whose median is {@code median} and 95% interval {@code low} to {@code high}. */
    String verdict(double median, double low, double high) {
        if (!Double.isFinite(median)) {
            return "not measured";
        }
        if (median <= limit) {
            return high <= limit ? "met" : "met by the median; the interval reaches " + format(high);
        }
        String missed = "missed by " + format(median - limit);
        return low > limit ? missed : missed + " (the interval reaches down to " + format(low) + ")";
    }

    String format(double value) {
        return String.format(Locale.ROOT, unit.equals("%") ? "%.2f%s" : "%.0f%s", value, unit);
    }
}
