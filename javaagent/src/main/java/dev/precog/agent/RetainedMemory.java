package dev.precog.agent;

import dev.precog.model.Window;
import java.util.ArrayDeque;
import java.util.function.ToLongFunction;

/**
 * The heap the agent holds, measured with {@link ObjectGraphSize}. The timeline's windows, the
 * bulk of it, are measured once each as they arrive, in the full form the newest windows keep and
 * the compact form older ones are cut to; their sizes are kept in a mirror of the timeline's
 * retention (the newest {@code detailed} full, the rest compact, {@code capacity} in all). The
 * rest (the timeline's roll-up, the open window's tables, the latest report and evidence) is
 * walked when asked. Called from one thread.
 */
final class RetainedMemory {

    private final ObjectGraphSize sizer;
    private final int capacity;
    private final int detailed;
    /** Full and compact size of each window the timeline keeps in full, oldest first. */
    private final ArrayDeque<long[]> recent = new ArrayDeque<>();
    /** Compact sizes of the older windows, oldest first. */
    private final ArrayDeque<Long> older = new ArrayDeque<>();
    private long windowBytes;

    RetainedMemory(ToLongFunction<Object> shallow, int capacity, int detailed) {
        this.sizer = new ObjectGraphSize(shallow);
        this.capacity = capacity;
        this.detailed = detailed;
    }

    /** Mirrors {@code Timeline.add}: call with each window the timeline is given. */
    void windowAdded(Window w) {
        if (recent.size() + older.size() == capacity) {
            windowBytes -= older.isEmpty() ? recent.removeFirst()[0] : older.removeFirst();
        }
        long full = sizer.of(w, o -> false);
        long compact = sizer.of(w.withoutDetail(), o -> false);
        recent.addLast(new long[] {full, compact});
        windowBytes += full;
        if (recent.size() > detailed) {
            long[] cut = recent.removeFirst();
            older.addLast(cut[1]);
            windowBytes += cut[1] - cut[0];
        }
    }

    /** Bytes of the windows held. */
    long windowBytes() {
        return windowBytes;
    }

    /** Bytes of the windows held plus whatever the {@code others} hold besides windows. */
    long bytes(Object... others) {
        // one walk, so what the others share is counted once
        return windowBytes + sizer.of(others, x -> x instanceof Window);
    }
}
