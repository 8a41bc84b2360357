package dev.precog.analyzer.jfr;

import java.util.Arrays;
import java.util.function.ToIntFunction;

/**
 * How many distinct stack traces, and how many frames in them, a live stream's parser has resolved
 * since the count was last reset: what the parser holds, since it keeps every stack trace of the
 * current JFR chunk until the chunk ends; its memory goes with the frames. The count is full at one
 * pair of limits (time to end the chunk) and goes on to a higher cap, so how far past full the
 * parser got before the chunk could end is known too. JFR hands
 * every event with the same stack in a chunk the same object, so stacks are told apart by identity
 * hash, kept as ints (a rare collision counts two stacks as one) rather than as references, which
 * would keep them alive.
 *
 * <p>{@link #see} runs on the stream's thread only; {@link #distinct}, {@link #frames} and
 * {@link #reset} may be called from any thread (a reset takes effect at the next {@code see}).
 */
final class ChunkStackCount {

    private final int limit;
    private final int frameLimit;
    private final int countLimit;
    private final long frameCountLimit;
    /** Frames of a stack, asked once per distinct stack. */
    private final ToIntFunction<Object> frameCount;
    /** Open addressing on identity hashes; 0 marks an empty slot. */
    private final int[] slots;
    private int size;
    private long frameTotal;
    private volatile int published;
    private volatile long publishedFrames;
    private volatile boolean resetRequested;

    /**
     * A count that stops once full.
     *
     * @param limit distinct stacks that make the count full
     * @param frameLimit frames that make the count full (counting stops at the stack that reaches it)
     * @param frameCount the number of frames of a stack object
     */
    ChunkStackCount(int limit, int frameLimit, ToIntFunction<Object> frameCount) {
        this(limit, frameLimit, limit, frameLimit, frameCount);
    }

    /**
     * A count that goes on past full, up to {@code countLimit} stacks or {@code frameCountLimit} frames.
     *
     * @param limit distinct stacks that make the count full
     * @param frameLimit frames that make the count full
     * @param countLimit distinct stacks counted at most, at least {@code limit}
     * @param frameCountLimit frames counted at most (counting stops at the stack that reaches it), at least {@code frameLimit}
     * @param frameCount the number of frames of a stack object
     */
    ChunkStackCount(int limit, int frameLimit, int countLimit, long frameCountLimit, ToIntFunction<Object> frameCount) {
        if (limit < 1 || frameLimit < 1) {
            throw new IllegalArgumentException("limits must be positive: " + limit + " stacks, " + frameLimit + " frames");
        }
        if (countLimit < limit || frameCountLimit < frameLimit) {
            throw new IllegalArgumentException("counting must go at least to the limits: " + countLimit + " stacks, "
                    + frameCountLimit + " frames");
        }
        this.limit = limit;
        this.frameLimit = frameLimit;
        this.countLimit = countLimit;
        this.frameCountLimit = frameCountLimit;
        this.frameCount = frameCount;
        // at most half the slots used, so probes stay short
        this.slots = new int[Integer.highestOneBit(countLimit) * 4];
    }

    /** Counts {@code stack} if it was not seen since the last reset; null is ignored. */
    void see(Object stack) {
        if (resetRequested) {
            resetRequested = false;
            Arrays.fill(slots, 0);
            size = 0;
            frameTotal = 0;
            published = 0;
            publishedFrames = 0;
        }
        if (stack == null || size >= countLimit || frameTotal >= frameCountLimit) {
            return;
        }
        int hash = System.identityHashCode(stack);
        int key = hash == 0 ? 1 : hash;
        int mask = slots.length - 1;
        for (int i = mix(key) & mask; ; i = (i + 1) & mask) {
            if (slots[i] == key) {
                return;
            }
            if (slots[i] == 0) {
                slots[i] = key;
                frameTotal += Math.max(0, frameCount.applyAsInt(stack));
                publishedFrames = frameTotal;
                published = ++size;
                return;
            }
        }
    }

    /** Distinct stacks seen since the last reset, at most the count's cap. */
    int distinct() {
        return resetRequested ? 0 : published;
    }

    /** Frames of the distinct stacks seen since the last reset. */
    long frames() {
        return resetRequested ? 0 : publishedFrames;
    }

    /** Whether either limit is reached: the parser holds as much as it should. */
    boolean isFull() {
        return distinct() >= limit || frames() >= frameLimit;
    }

    /** Starts counting afresh: the stacks seen so far belong to a chunk that has ended. */
    void reset() {
        resetRequested = true;
    }

    /** Identity hashes of neighbouring objects are not spread; this spreads them over the table. */
    private static int mix(int h) {
        int x = h * 0x9E3779B9;
        return x ^ (x >>> 16);
    }
}
