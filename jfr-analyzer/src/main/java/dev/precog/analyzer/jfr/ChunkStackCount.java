package dev.precog.analyzer.jfr;

import java.util.Arrays;

/**
 * How many distinct stack traces a live stream's parser has resolved since the count was last
 * reset, up to a limit: what the parser holds, since it keeps every stack trace of the current JFR
 * chunk until the chunk ends. JFR hands every event with the same stack in a chunk the same
 * object, so stacks are told apart by identity hash, kept as ints (a rare collision counts two
 * stacks as one) rather than as references, which would keep them alive.
 *
 * <p>{@link #see} runs on the stream's thread only; {@link #distinct} and {@link #reset} may be
 * called from any thread (a reset takes effect at the next {@code see}).
 */
final class ChunkStackCount {

    private final int limit;
    /** Open addressing on identity hashes; 0 marks an empty slot. */
    private final int[] slots;
    private int size;
    private volatile int published;
    private volatile boolean resetRequested;

    ChunkStackCount(int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be positive: " + limit);
        }
        this.limit = limit;
        this.slots = new int[Integer.highestOneBit(limit) * 4];
    }

    /** Counts {@code stack} if it was not seen since the last reset; null is ignored. */
    void see(Object stack) {
        if (resetRequested) {
            resetRequested = false;
            Arrays.fill(slots, 0);
            size = 0;
            published = 0;
        }
        if (stack == null || size >= limit) {
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
                published = ++size;
                return;
            }
        }
    }

    /** Distinct stacks seen since the last reset, at most the limit. */
    int distinct() {
        return resetRequested ? 0 : published;
    }

    /** Starts counting afresh: the stacks seen so far belong to a chunk that has ended. */
    void reset() {
        resetRequested = true;
    }

    int limit() {
        return limit;
    }

    /** Identity hashes of neighbouring objects are not spread; this spreads them over the table. */
    private static int mix(int h) {
        int x = h * 0x9E3779B9;
        return x ^ (x >>> 16);
    }
}
