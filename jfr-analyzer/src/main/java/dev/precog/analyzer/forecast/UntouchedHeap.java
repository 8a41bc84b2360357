package dev.precog.analyzer.forecast;

import dev.precog.model.Unit;

/**
 * What the heap may still add to the resident set: the maximum heap less what has been touched
 * ({@link dev.precog.analyzer.detect.TouchedHeap}). When the collector first writes to more of the
 * heap, the resident set jumps by it, at a moment no history of the resident set shows; on the
 * direct-buffer leak's recordings those jumps were every miss of the 95% band once the young JVM's
 * first minute was left out. So the 95% band reaches that far; the 80% band keeps to the trend's
 * own errors, which covered 82% and 90% of what followed on those recordings.
 */
final class UntouchedHeap implements ForecastTarget.Allowance {

    private final double bytes;

    UntouchedHeap(double bytes) {
        this.bytes = Math.max(0, bytes);
    }

    @Override
    public double at(double lead, double level) {
        return level >= 0.95 ? bytes : 0;
    }

    @Override
    public String describe(double lead) {
        return bytes <= 0 ? null
                : "95% band raised by the heap not yet touched: " + ForecastTarget.Allowance.amount(bytes, Unit.BYTES) + " more resident at most";
    }
}
