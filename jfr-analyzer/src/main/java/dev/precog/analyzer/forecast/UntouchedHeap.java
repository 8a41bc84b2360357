package dev.precog.analyzer.forecast;

/**
 * What the heap may still add to the resident set: the maximum heap less what has been touched
 * ({@link dev.precog.analyzer.detect.TouchedHeap}). When the collector first writes to more of the
 * heap, the resident set jumps by it, at a moment no history of the resident set shows; on the
 * direct-buffer leak's recordings those jumps were every miss of the 95% band once the young JVM's
 * first minute was left out. So the 95% band reaches that far; the 80% band keeps to the trend's
 * own errors, which covered 82% and 90% of what followed on those recordings.
 */
final class UntouchedHeap {

    private UntouchedHeap() {}

    /** The allowance for {@code bytes} of heap not yet touched (none when not positive). */
    static ForecastTarget.Allowance of(double bytes) {
        return new UntimedStep(bytes, "the heap not yet touched", "more resident at most");
    }
}
