package dev.precog.agent.cli;

import dev.precog.analyzer.jfr.ReplayProgress;
import java.io.PrintStream;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * A replay's progress on stderr: MB read of the file's total, MB/s and time left, printed at most
 * once a second (and not before a second has passed, so a small file prints nothing), then a last
 * line with the whole read's size, time and rate. On a terminal the line is rewritten in place;
 * elsewhere each update is a line of its own.
 */
final class ProgressLine implements ReplayProgress {

    private static final long INTERVAL_NANOS = 1_000_000_000L;
    private static final double MB = 1024 * 1024;

    private final String label;
    private final PrintStream err;
    private final boolean inPlace;
    private final LongSupplier nanoClock;
    private final long startedNanos;
    private long lastPrintedNanos;
    private long lastBytesRead;
    private boolean printed;

    ProgressLine(String label, PrintStream err, boolean inPlace, LongSupplier nanoClock) {
        this.label = label;
        this.err = err;
        this.inPlace = inPlace;
        this.nanoClock = nanoClock;
        this.startedNanos = nanoClock.getAsLong();
        this.lastPrintedNanos = startedNanos;
    }

    @Override
    public void update(long bytesRead, long totalBytes) {
        lastBytesRead = bytesRead;
        long now = nanoClock.getAsLong();
        if (now - lastPrintedNanos < INTERVAL_NANOS) {
            return;
        }
        lastPrintedNanos = now;
        String text = label + ": " + format(bytesRead, totalBytes, now - startedNanos);
        if (inPlace) {
            // pad over what a longer previous line left
            err.print("\r" + String.format(Locale.ROOT, "%-79s", text));
        } else {
            err.println(text);
        }
        err.flush();
        printed = true;
    }

    /**
     * Ends the line rewritten in place, so what is printed next starts on a line of its own; after a
     * replay that completed, says how much it read in how long (what the analyzer-throughput
     * benchmark reads). A replay too short to have printed progress prints nothing here either.
     */
    void finish(boolean completed) {
        if (!printed) {
            return;
        }
        if (inPlace) {
            err.println();
        }
        if (completed) {
            err.println(label + ": done, " + summary(lastBytesRead, nanoClock.getAsLong() - startedNanos));
        }
        err.flush();
    }

    /** {@code 1,027 MB in 22.2 s, 46.3 MB/s}. */
    static String summary(long bytesRead, long elapsedNanos) {
        double seconds = elapsedNanos / 1e9;
        return String.format(Locale.ROOT, "%,.0f MB in %.1f s, %.1f MB/s", bytesRead / MB, seconds,
                seconds > 0 ? bytesRead / MB / seconds : 0);
    }

    /** {@code 412 of 1,024 MB (40%), 85.3 MB/s, 7 s left}. */
    static String format(long bytesRead, long totalBytes, long elapsedNanos) {
        double seconds = elapsedNanos / 1e9;
        double rate = seconds > 0 ? bytesRead / MB / seconds : 0;
        String left = rate > 0 ? seconds((totalBytes - bytesRead) / MB / rate) + " left" : "time left unknown";
        return String.format(Locale.ROOT, "%,.0f of %,.0f MB (%d%%), %.1f MB/s, %s", bytesRead / MB, totalBytes / MB,
                totalBytes > 0 ? Math.round(100.0 * bytesRead / totalBytes) : 100, rate, left);
    }

    private static String seconds(double s) {
        long whole = Math.round(Math.max(0, s));
        return whole < 60 ? whole + " s" : whole / 60 + " min " + whole % 60 + " s";
    }
}
