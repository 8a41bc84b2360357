package dev.precog.analyzer.jfr;

import dev.precog.analyzer.window.WindowAccumulator;
import dev.precog.model.Window;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Consumer;
import jdk.jfr.consumer.RecordedEvent;

/**
 * Cuts replayed events into windows by their own end times: before an event reaches its handlers,
 * every window that ended at or before it is closed and handed on. Windows are aligned to their
 * length from the first event. Events come in file order, which is time order only roughly (JFR
 * flushes each thread's buffer about once a second), so an event up to a second late lands in
 * the window being collected, as it did when the file was read with RecordingFile.
 */
final class WindowCutter {

    /** Progress costs a division and a call: every few thousand events is often enough. */
    private static final int PROGRESS_EVERY = 4096;

    private final Duration length;
    private final Consumer<Window> windows;
    private final RecordingChunks chunks;
    private final ReplayProgress progress;
    // the handlers need their sink before the first event says when the first window starts
    private final WindowAccumulator accumulator = new WindowAccumulator(Instant.EPOCH);
    private Instant windowEnd;
    /** The latest end time of any event read: where the recording stops, inside its last window. */
    private Instant lastEventEnd;
    private long events;
    private long reported;

    WindowCutter(Duration length, Consumer<Window> windows, RecordingChunks chunks, ReplayProgress progress) {
        this.length = length;
        this.windows = windows;
        this.chunks = chunks;
        this.progress = progress;
    }

    /** The sink of the handlers, collecting the current window. */
    WindowAccumulator accumulator() {
        return accumulator;
    }

    long events() {
        return events;
    }

    /** Closes the windows that end at or before {@code event}'s end time; call before handling it. */
    void advanceTo(RecordedEvent event) {
        Instant t = event.getEndTime();
        if (lastEventEnd == null || t.isAfter(lastEventEnd)) {
            lastEventEnd = t;
        }
        if (windowEnd == null) {
            Instant start = alignedStart(t);
            // starts the accumulator's first window where the recording's does; the empty window closed is no one's
            accumulator.close(start);
            windowEnd = start.plus(length);
        }
        while (!t.isBefore(windowEnd)) {
            windows.accept(accumulator.close(windowEnd));
            windowEnd = windowEnd.plus(length);
        }
        if (++events % PROGRESS_EVERY == 0) {
            report(chunks.bytesBefore(t.getEpochSecond() * 1_000_000_000L + t.getNano()));
        }
    }

    /**
     * Closes the last window where the recording stops (its last event), as the live agent closes its
     * last one when the JVM exits: a window claiming its full length would read its sums as lower
     * rates and put its gauges' values (the thread count, the heap) up to a window too late. Reports
     * the whole file read.
     */
    void finish() {
        Instant start = windowEnd.minus(length);
        windows.accept(accumulator.close(lastEventEnd.isAfter(start) ? lastEventEnd : windowEnd));
        report(chunks.fileSize());
    }

    private void report(long bytes) {
        // an event late in file order must not move progress back
        reported = Math.max(reported, bytes);
        progress.update(reported, chunks.fileSize());
    }

    private Instant alignedStart(Instant first) {
        long len = length.toMillis();
        return Instant.ofEpochMilli(first.toEpochMilli() / len * len);
    }
}
