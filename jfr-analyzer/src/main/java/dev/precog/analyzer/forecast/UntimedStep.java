package dev.precog.analyzer.forecast;

import dev.precog.model.Unit;

/**
 * A step of known most size that the series may take at a moment no history shows: the 95% band
 * reaches it at every lead, the 80% band keeps to the trend's own errors (a band that covered
 * it whether or not it came would be too wide at 80%).
 *
 * @param bytes the most the step adds, never negative
 * @param what what the step is, in the report's words
 * @param atMost how the amount reads after it ("at most", "more resident at most")
 */
record UntimedStep(double bytes, String what, String atMost) implements ForecastTarget.Allowance {

    UntimedStep {
        bytes = Math.max(0, bytes);
    }

    @Override
    public double at(double lead, double level) {
        return level >= 0.95 ? bytes : 0;
    }

    @Override
    public String describe(double lead) {
        return bytes <= 0 ? null
                : "95% band raised by " + what + ": " + ForecastTarget.Allowance.amount(bytes, Unit.BYTES) + " " + atMost;
    }
}
