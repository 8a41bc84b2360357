package dev.precog.analyzer.jfr;

/** Told now and then, on the replaying thread, how far a recording's replay has got. */
@FunctionalInterface
public interface ReplayProgress {

    /** Tells no one. */
    ReplayProgress NONE = (bytesRead, totalBytes) -> {};

    /**
     * About {@code bytesRead} of the file's {@code totalBytes} are read: exact at chunk boundaries,
     * estimated within a chunk from the event's time into the chunk. Called every few thousand
     * events and once at the end, so it must be cheap; it never goes backwards.
     */
    void update(long bytesRead, long totalBytes);
}
