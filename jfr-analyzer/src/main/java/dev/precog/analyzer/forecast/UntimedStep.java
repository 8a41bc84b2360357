package dev.precog.analyzer.forecast;

import dev.precog.model.Unit;

/**
 * A step of known most size that the series may take at a moment no history shows: the 95% band
 * reaches it at every lead, the 80% band keeps to the trend's own errors (a band that covered
 * it whether or not it came would be too wide at 80%). Added above the trend, or taken below it
 * ({@link #down}).
 *
 * @param bytes the most the step moves the series, never negative
 * @param what what the step is, in the report's words
 * @param atMost how the amount reads after it ("at most", "more resident at most")
 * @param lowers whether the step is down, taken from the lower band
 */
record UntimedStep(double bytes, String what, String atMost, boolean lowers) implements ForecastTarget.Allowance {

    UntimedStep {
        bytes = Math.max(0, bytes);
    }

    /** A step up, added to the upper band. */
    UntimedStep(double bytes, String what, String atMost) {
        this(bytes, what, atMost, false);
    }

    /** A step down of {@code bytes}, taken from the lower band. */
    static UntimedStep down(double bytes, String what, String atMost) {
        return new UntimedStep(bytes, what, atMost, true);
    }

    @Override
    public double at(double lead, double level) {
        return level >= 0.95 ? bytes : 0;
    }

    @Override
    public String describe(double lead) {
        return bytes <= 0 ? null
                : "95% band " + (lowers ? "lowered" : "raised") + " by " + what + ": "
                        + ForecastTarget.Allowance.amount(bytes, Unit.BYTES) + " " + atMost;
    }
}
