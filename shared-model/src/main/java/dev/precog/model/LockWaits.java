package dev.precog.model;

import java.util.List;

/**
 * The time threads spent blocked on one kind of lock in one window: a contended monitor
 * (jdk.JavaMonitorEnter) or a java.util.concurrent lock a thread parked on (jdk.ThreadPark).
 * Waits for a signal (Object.wait, Condition.await, an idle pool's take) are not lock waits.
 *
 * @param lockClass the monitor's class or the parked-on synchronizer's class
 * @param ownerType the application class whose code takes the lock (the monitor's class when it
 *     is the application's own), or null when every frame is the JDK's
 * @param monitor true for a monitor (synchronized), false for a java.util.concurrent lock
 * @param blockedMillis total time blocked, over all threads
 * @param events number of waits recorded (each at least the recording threshold)
 * @param threads names of the waiting threads (bounded)
 * @param stacks the waiters' stacks that blocked longest, longest first (bounded)
 * @param previousOwners threads that held the monitor just before a waiter got it, most often first
 *     (monitors only: JFR records only the previous owner)
 * @param waitHistogram the waits in milliseconds as a compressed HdrHistogram, opaque here, so
 *     windows merge into exact percentiles over any span
 */
public record LockWaits(
        String lockClass,
        String ownerType,
        boolean monitor,
        double blockedMillis,
        long events,
        List<String> threads,
        List<WaiterStack> stacks,
        List<String> previousOwners,
        byte[] waitHistogram) {

    public LockWaits {
        threads = List.copyOf(threads);
        stacks = List.copyOf(stacks);
        previousOwners = List.copyOf(previousOwners);
        waitHistogram = waitHistogram.clone();
    }

    @Override
    public byte[] waitHistogram() {
        return waitHistogram.clone();
    }

    /** The key that tells one lock from another across windows. */
    public String key() {
        return lockClass + " in " + ownerType;
    }

    /**
     * A waiter's stack, top frames first as {@code Class.method:line}, and what it cost.
     *
     * @param frames the top frames
     * @param events waits with this stack
     * @param blockedMillis time blocked with this stack
     */
    public record WaiterStack(List<String> frames, long events, double blockedMillis) {

        public WaiterStack {
            frames = List.copyOf(frames);
        }
    }
}
