package dev.precog.model;

import java.util.List;

/**
 * The time threads spent blocked at one place in one window: a contended monitor
 * (jdk.JavaMonitorEnter), a java.util.concurrent lock a thread parked on (jdk.ThreadPark), or a
 * socket or file they read or wrote (jdk.SocketRead and friends). Waits for a signal
 * (Object.wait, Condition.await, an idle pool's take) are not recorded here.
 *
 * @param kind what blocked: {@link #MONITOR}, {@link #LOCK}, {@link #PINNED}, {@link #SOCKET_READ},
 *     {@link #SOCKET_WRITE}, {@link #FILE_READ} or {@link #FILE_WRITE}
 * @param resource the monitor's or synchronizer's class, why the virtual thread was pinned, the
 *     endpoint ({@code host:port}) or the file's path
 * @param ownerType the application class whose code blocked there (a monitor's own class when it
 *     is the application's), or null when every frame is the JDK's
 * @param blockedMillis total time blocked, over all threads
 * @param events number of waits recorded (each at least the recording threshold)
 * @param bytes bytes read or written by those waits (0 for locks)
 * @param threads names of the waiting threads (bounded)
 * @param stacks the waiters' stacks that blocked longest, longest first (bounded)
 * @param previousOwners threads that held the monitor just before a waiter got it, most often first
 *     (monitors only: JFR records only the previous owner)
 * @param waitHistogram the waits in milliseconds as a compressed HdrHistogram, opaque here, so
 *     windows merge into exact percentiles over any span
 */
public record WaitSite(
        String kind,
        String resource,
        String ownerType,
        double blockedMillis,
        long events,
        long bytes,
        List<String> threads,
        List<WaiterStack> stacks,
        List<String> previousOwners,
        byte[] waitHistogram) {

    public static final String MONITOR = "monitor";
    public static final String LOCK = "java.util.concurrent";
    public static final String SOCKET_READ = "socket read";
    public static final String SOCKET_WRITE = "socket write";
    public static final String FILE_READ = "file read";
    public static final String FILE_WRITE = "file write";
    /** A virtual thread that blocked while pinned to its carrier (jdk.VirtualThreadPinned, JDK 21+). */
    public static final String PINNED = "virtual thread pinned";

    public WaitSite {
        threads = List.copyOf(threads);
        stacks = List.copyOf(stacks);
        previousOwners = List.copyOf(previousOwners);
        waitHistogram = waitHistogram.clone();
    }

    @Override
    public byte[] waitHistogram() {
        return waitHistogram.clone();
    }

    /** The key that tells one wait site from another across windows. */
    public String key() {
        return kind + " " + resource + " in " + ownerType;
    }

    /** True for a monitor, a java.util.concurrent lock, or a pinned virtual thread holding its carrier: contention. */
    public boolean isLock() {
        return isLockKind(kind);
    }

    /** True for the kinds that are contention rather than I/O. */
    public static boolean isLockKind(String kind) {
        return MONITOR.equals(kind) || LOCK.equals(kind) || PINNED.equals(kind);
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
