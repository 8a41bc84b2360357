package dev.precog.analyzer.jfr;

import dev.precog.analyzer.detect.JavaTypes;
import dev.precog.analyzer.window.WindowAccumulator;
import dev.precog.model.WaitSite;
import java.util.ArrayList;
import java.util.List;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordedThread;

/**
 * Turns a blocking event into a wait at a site: a jdk.JavaMonitorEnter or jdk.ThreadPark into a
 * lock wait, a socket or file read or write into an I/O wait; with whose code blocked, who waited
 * and where. Parks that wait for a signal rather than a lock (a condition, a latch, a future, an
 * idle pool's queue) are left out: a pool idling in take() is not contention. I/O with no
 * application frame (the JDK's own RMI/JMX connection threads waiting for a request) is left out too.
 */
final class WaitAttribution {

    /** Frames kept per waiter stack: enough to see the critical section's caller. */
    static final int STACK_FRAMES = 6;
    /** A read that lasted this share of its timeout or more timed out, or nearly: a poll. */
    static final double IDLE_TIMEOUT_SHARE = 0.9;

    private WaitAttribution() {}

    static void monitorEnter(RecordedEvent e, WindowAccumulator sink) {
        String lockClass = JfrFields.className(e, "monitorClass");
        if (lockClass == null) {
            return;
        }
        RecordedThread previous = e.hasField("previousOwner") ? e.getThread("previousOwner") : null;
        record(e, WaitSite.MONITOR, lockClass, JavaTypes.isPlatform(lockClass) ? null : lockClass, 0,
                previous == null ? null : threadName(previous), sink);
    }

    static void threadPark(RecordedEvent e, WindowAccumulator sink) {
        String blocker = JfrFields.className(e, "parkedClass");
        if (blocker == null || !isLock(blocker)) {
            return;
        }
        // an application's own blocker is a lock only when the thread parks acquiring it; park(this)
        // waiting for a result (an RPC stub's executor, a future, a latch of its own) is no contention
        if (!JavaTypes.isPlatform(blocker) && !Boolean.TRUE.equals(ACQUIRING.get(e.getStackTrace()))) {
            return;
        }
        record(e, WaitSite.LOCK, blocker, JavaTypes.isPlatform(blocker) ? null : blocker, 0, null, sink);
    }

    /**
     * A jdk.VirtualThreadPinned: a virtual thread blocked without releasing its carrier, so the
     * carrier pool shrinks while it waits. The site is the reason (JDK 25 names it, with the
     * class whose initializer or native frame pins; JDK 21 does not).
     */
    static void pinned(RecordedEvent e, WindowAccumulator sink) {
        String reason = JfrFields.stringOr(e, "pinnedReason", "pinned to its carrier");
        record(e, WaitSite.PINNED, reason, null, 0, null, sink);
    }

    /** True when the parked thread is inside a synchronizer's acquire, not waiting on a condition. */
    static boolean acquiring(RecordedStackTrace stack) {
        if (stack == null) {
            return false;
        }
        for (RecordedFrame frame : stack.getFrames()) {
            String type = JfrFields.typeName(frame.getMethod());
            if (type == null) {
                continue;
            }
            String method = frame.getMethod().getName();
            if (type.endsWith("$ConditionObject") || type.endsWith("$ConditionNode")) {
                return false;
            }
            if ((type.equals("java.util.concurrent.locks.AbstractQueuedSynchronizer")
                    || type.equals("java.util.concurrent.locks.AbstractQueuedLongSynchronizer")
                    || type.equals("java.util.concurrent.locks.StampedLock")) && method.startsWith("acquire")) {
                return true;
            }
        }
        return false;
    }

    /**
     * A jdk.SocketRead or jdk.SocketWrite: the endpoint is {@code host:port} (the address when the
     * host is unknown). Reads that idled, and reads on a connection this host's server accepted
     * ({@code inbound}: the thread waits for its client's next request), are left out.
     */
    static void socket(RecordedEvent e, String kind, String bytesField, WindowAccumulator sink, InboundConnections inbound) {
        if (WaitSite.SOCKET_READ.equals(kind) && isIdleRead(e)) {
            return;
        }
        String address = JfrFields.stringOr(e, "address", "?");
        long port = JfrFields.longOr(e, "port", -1);
        if (WaitSite.SOCKET_READ.equals(kind) && inbound.isInbound(address, port)) {
            return;
        }
        String host = JfrFields.stringOr(e, "host", "");
        String endpoint = (host.isEmpty() ? address : host) + ":" + port;
        io(e, kind, endpoint, Math.max(0, JfrFields.longOr(e, bytesField, 0)), sink);
    }

    /**
     * A read that waited for the peer to have something to say rather than for an answer: it timed
     * out (a long poll), read nothing, or saw the end of the stream. Subscribers and long-polling
     * consumers idle this way; they are not I/O-bound.
     */
    static boolean isIdleRead(RecordedEvent e) {
        long bytes = JfrFields.longOr(e, "bytesRead", 1);
        boolean endOfStream = e.hasField("endOfStream") && e.getBoolean("endOfStream");
        double timeoutMillis = JfrFields.millisOr(e, "timeout", 0);
        double millis = e.getDuration().toNanos() / 1e6;
        return bytes <= 0 || endOfStream || (timeoutMillis > 0 && millis >= IDLE_TIMEOUT_SHARE * timeoutMillis);
    }

    /** A jdk.FileRead or jdk.FileWrite: the resource is the path. */
    static void file(RecordedEvent e, String kind, String bytesField, WindowAccumulator sink) {
        io(e, kind, JfrFields.stringOr(e, "path", "?"), Math.max(0, JfrFields.longOr(e, bytesField, 0)), sink);
    }

    private static void io(RecordedEvent e, String kind, String resource, long bytes, WindowAccumulator sink) {
        record(e, kind, resource, null, bytes, null, sink);
    }

    /**
     * Synchronizers that are locks: ReentrantLock, ReentrantReadWriteLock, StampedLock and
     * Semaphore (whose permits are a lock on a resource), and the application's own when the
     * thread parks acquiring it (see {@link #acquiring}).
     */
    static boolean isLock(String blocker) {
        if (!JavaTypes.isPlatform(blocker)) {
            return true;
        }
        return blocker.startsWith("java.util.concurrent.locks.ReentrantLock$")
                || blocker.startsWith("java.util.concurrent.locks.ReentrantReadWriteLock$")
                || blocker.equals("java.util.concurrent.locks.StampedLock")
                || blocker.startsWith("java.util.concurrent.Semaphore$");
    }

    private static void record(RecordedEvent e, String kind, String resource, String knownOwner, long bytes,
            String previousOwner, WindowAccumulator sink) {
        WaiterFrames waiter = WAITER_FRAMES.get(e.getStackTrace());
        String ownerType = knownOwner != null ? knownOwner : waiter == null ? null : waiter.applicationType();
        if (ownerType == null && !WaitSite.isLockKind(kind)) {
            return; // I/O in JDK code only: a connection thread waiting for its next request, not the application
        }
        RecordedThread thread = e.getThread();
        sink.recordWait(kind, resource, ownerType, e.getStartTime(), e.getDuration().toNanos() / 1e6, bytes,
                thread == null ? null : threadName(thread), waiter == null ? List.of() : waiter.frames(), previousOwner);
    }

    private static final ChunkMemo<RecordedStackTrace, WaiterFrames> WAITER_FRAMES =
            new ChunkMemo<>(JfrFields.STACKS, WaiterFrames::of);
    private static final ChunkMemo<RecordedStackTrace, Boolean> ACQUIRING = new ChunkMemo<>(JfrFields.STACKS, WaitAttribution::acquiring);

    /** A waiter's stack as a wait site shows it, and the type of its first application frame (null if none). */
    private record WaiterFrames(List<String> frames, String applicationType) {

        static WaiterFrames of(RecordedStackTrace stack) {
            List<String> all = new ArrayList<>();
            String applicationType = null;
            int firstApplicationFrame = -1;
            for (RecordedFrame frame : stack.getFrames()) {
                String where = JfrFields.where(frame);
                if (where == null) {
                    continue;
                }
                String type = JfrFields.typeName(frame.getMethod());
                all.add(where);
                if (firstApplicationFrame < 0 && !JavaTypes.isPlatform(type) && !JavaTypes.isHidden(type)) {
                    firstApplicationFrame = all.size() - 1;
                    applicationType = type;
                }
                if (firstApplicationFrame >= 0 && all.size() >= firstApplicationFrame + STACK_FRAMES) {
                    break;
                }
            }
            // a waiter's top frames are the JDK's park or I/O machinery: start at the call just above the application
            int from = Math.max(0, firstApplicationFrame - 1);
            return new WaiterFrames(List.copyOf(all.subList(from, Math.min(all.size(), from + STACK_FRAMES))), applicationType);
        }
    }

    /** Virtual threads are usually unnamed: their id tells them apart (RecordedThread.isVirtual is JDK 21+). */
    private static String threadName(RecordedThread t) {
        String name = t.getJavaName();
        if (name == null || name.isEmpty()) {
            return t.getJavaThreadId() >= 0 ? "thread#" + t.getJavaThreadId() : t.getOSName();
        }
        return name;
    }
}
