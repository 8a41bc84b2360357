package dev.precog.analyzer.detect;

import dev.precog.model.Metric;
import dev.precog.model.Window;
import java.util.List;

/**
 * The heap a JVM has touched so far: the high-water mark of heap in use, up to the committed heap.
 * A page of heap is resident once first written and stays so, whatever the collector frees later,
 * so this is how much of the resident set the heap accounts for, and the rest of the maximum heap is
 * how much it may still add.
 */
public final class TouchedHeap {

    private double bytes;

    /** Takes in the next window, in time order. */
    public void add(Window w) {
        double committed = w.value(Metric.HEAP_COMMITTED).orElse(Double.MAX_VALUE);
        double used = Math.max(w.value(Metric.HEAP_USED_BEFORE_GC).orElse(0), w.value(Metric.HEAP_USED_AFTER_GC).orElse(0));
        bytes = Math.min(committed, Math.max(bytes, used));
    }

    /** Bytes touched up to the last window taken in; 0 when no heap reading came. */
    public double bytes() {
        return bytes;
    }

    /** The heap touched over {@code windows}. */
    public static double of(List<Window> windows) {
        TouchedHeap touched = new TouchedHeap();
        windows.forEach(touched::add);
        return touched.bytes();
    }
}
