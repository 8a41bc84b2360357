package dev.precog.analyzer.jfr;

import java.time.Duration;
import java.time.Instant;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedStackTrace;

/**
 * Keeps the live stream's parser memory bounded by ending the JFR chunk once the parser holds many
 * stack traces. JFR's parser keeps every stack trace of the current chunk (and the previous
 * chunk's) until the chunk ends, and a chunk ends only at 12 MB of disk: an application whose
 * allocation samples each bring a new deep stack (javac) made it hold 9 MB of stacks after half a
 * minute, growing. Starting and stopping an empty recording is the public way to end a chunk; it ends
 * twice, so the big chunk is the previous one's previous and is let go. Other recordings in the
 * JVM get a chunk boundary too (no events are lost; their files get more chunks, each repeating its
 * constant pools and once-per-chunk events), which is why the least interval is the user's to set,
 * or to turn off.
 */
final class ChunkRotation {

    /** Distinct stacks the parser may hold before the chunk is ended... */
    static final int STACK_LIMIT = 1000;
    /**
     * ...or frames in them, about 0.5 MB (javac's 1,000 64-frame stacks held 3 MB). A megabyte or two
     * of them made the heap's live set look like a slow leak in a small heap: on a starved machine the
     * agent's own allocation samples bring new stacks for minutes (their frames change from
     * interpreted to compiled), so the parser's share crept up by 1.2 MB a minute.
     */
    static final int FRAME_LIMIT = 10_000;
    /**
     * Stacks and frames counted past the limits, so the frames a chunk held when it ended are known
     * (about 20 MB of the parser's heap; the count's table takes 64 kB).
     */
    static final int COUNT_LIMIT = 4096;
    static final long FRAME_COUNT_LIMIT = 400_000;
    static final String RECORDING_NAME = "Precog chunk rotation";

    private final ChunkStackCount stacks;
    /** Null: chunks are never ended. */
    private final Duration minInterval;
    private final Runnable endChunk;
    private Instant last;
    private volatile long rotations;
    private volatile long framesAtLastEnd = -1;
    private volatile String problem;

    ChunkRotation(ChunkStackCount stacks, Duration minInterval, Instant start, Runnable endChunk) {
        this.stacks = stacks;
        this.minInterval = minInterval;
        this.endChunk = endChunk;
        this.last = start;
    }

    /** The live stream's rotation, ending chunks with an empty recording at most every {@code minInterval}; never when null. */
    static ChunkRotation live(Instant start, Duration minInterval) {
        return new ChunkRotation(new ChunkStackCount(STACK_LIMIT, FRAME_LIMIT, COUNT_LIMIT, FRAME_COUNT_LIMIT, ChunkRotation::frames),
                minInterval, start, ChunkRotation::endChunk);
    }

    /** The count the stream's thread feeds. */
    ChunkStackCount stacks() {
        return stacks;
    }

    /**
     * Ends the chunk when the parser holds the limit of stacks or frames and the last rotation is at least
     * the minimum interval ago; true when it did. Called from one thread (the agent's). When JFR
     * refuses, it is said in {@link #problem} and not tried again.
     */
    boolean rotateIfDue(Instant now) {
        if (minInterval == null || problem != null || !stacks.isFull() || Duration.between(last, now).compareTo(minInterval) < 0) {
            return false;
        }
        last = now;
        try {
            endChunk.run();
        } catch (RuntimeException e) {
            problem = "JFR chunks not ended, so the stream's parser keeps every stack trace of a chunk: " + e;
            return false;
        }
        framesAtLastEnd = stacks.frames();
        stacks.reset();
        // memos keyed on the ended chunk's stacks would keep them (and their frames) alive
        ChunkMemo.forgetAll();
        rotations++;
        return true;
    }

    /** Chunks ended so far. */
    long rotations() {
        return rotations;
    }

    /**
     * Frames in the stacks the parser held when the agent last ended a chunk (counted up to
     * {@link #FRAME_COUNT_LIMIT}); -1 before the first. Past the frame limit by however many
     * arrived before the chunk could end: the parser's peak, roughly.
     */
    long framesAtLastEnd() {
        return framesAtLastEnd;
    }

    /** Why chunks are no longer ended; null while they are. */
    String problem() {
        return problem;
    }

    private static int frames(Object stack) {
        return stack instanceof RecordedStackTrace s ? s.getFrames().size() : 1;
    }

    private static void endChunk() {
        try (Recording r = new Recording()) {
            r.setName(RECORDING_NAME);
            r.start();
            r.stop();
        }
    }
}
