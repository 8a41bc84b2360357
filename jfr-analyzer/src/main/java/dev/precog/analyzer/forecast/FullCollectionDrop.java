package dev.precog.analyzer.forecast;

import dev.precog.analyzer.timeline.Timeline;
import dev.precog.model.Metric;
import dev.precog.model.Window;
import java.util.OptionalDouble;

/**
 * What a full collection may take out of the heap after young collections: the garbage promoted
 * since the last one, which only a full collection (Precog's own class histograms, an operator's
 * {@code jcmd GC.class_histogram}, {@code System.gc()}) or an old-generation cycle frees. The heap
 * after GC then drops and climbs again from there, below the line a forecast made before the drop
 * carried on: on set 30's slow leak the histograms the agent refreshed every ten minutes dropped it
 * by 10.3, 12.2 and 9.6 MB, and its 95% band missed 16% of its points, all of them below. When the
 * next one comes no history shows, so where the held windows show full collections the 95% band
 * reaches down by the largest drop one of them made; the 80% band keeps to the trend's own errors.
 */
final class FullCollectionDrop {

    static final String WHAT = "the garbage a full collection (a class histogram, System.gc()) may take back";

    private FullCollectionDrop() {}

    /** The allowance for the heap after GC over {@code timeline}'s windows; none when no full collection dropped it. */
    static ForecastTarget.Allowance of(Timeline timeline) {
        double largest = 0;
        double before = Double.NaN;
        for (Window w : timeline.windows()) {
            OptionalDouble heap = w.value(Metric.HEAP_USED_AFTER_GC);
            if (heap.isEmpty()) {
                continue;
            }
            if (w.value(Metric.FULL_GC_COUNT).orElse(0) > 0 && !Double.isNaN(before)) {
                largest = Math.max(largest, before - heap.getAsDouble());
            }
            before = heap.getAsDouble();
        }
        return largest > 0 ? UntimedStep.down(largest, WHAT, "(the largest drop seen)") : ForecastTarget.Allowance.NONE;
    }
}
