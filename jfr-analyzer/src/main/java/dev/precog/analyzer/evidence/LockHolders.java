package dev.precog.analyzer.evidence;

import java.util.List;
import java.util.Map;

/**
 * Who held contended locks when sampled: JFR records only a monitor's previous owner, so once
 * contention is confident the agent asks ThreadMXBean a few times which thread owns the lock its
 * waiters are blocked on, and what that thread is running.
 *
 * @param samples samples taken so far, per lock class
 * @param stacks per lock class, the owners' stacks (top frames) with how often each was seen,
 *     most often first
 */
public record LockHolders(Map<String, Integer> samples, Map<String, List<HolderStack>> stacks) {

    public static final LockHolders NONE = new LockHolders(Map.of(), Map.of());

    public LockHolders {
        samples = Map.copyOf(samples);
        stacks = Map.copyOf(stacks);
    }

    /**
     * One owner stack and the times it was seen holding the lock.
     *
     * @param thread the owner's name when last seen with this stack
     * @param frames top frames, {@code Class.method:line}
     * @param count samples that found the owner in this stack
     */
    public record HolderStack(String thread, List<String> frames, int count) {

        public HolderStack {
            frames = List.copyOf(frames);
        }
    }
}
