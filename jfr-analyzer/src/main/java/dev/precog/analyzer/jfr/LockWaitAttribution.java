package dev.precog.analyzer.jfr;

import dev.precog.analyzer.detect.JavaTypes;
import dev.precog.analyzer.window.WindowAccumulator;
import java.util.ArrayList;
import java.util.List;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordedThread;

/**
 * Turns a jdk.JavaMonitorEnter or jdk.ThreadPark event into a lock wait: which lock, whose code
 * takes it, who waited and where. Parks that wait for a signal rather than a lock (a condition,
 * a latch, a future, an idle pool's queue) are left out: a pool idling in take() is not contention.
 */
final class LockWaitAttribution {

    /** Frames kept per waiter stack: enough to see the critical section's caller. */
    static final int STACK_FRAMES = 6;

    private LockWaitAttribution() {}

    static void monitorEnter(RecordedEvent e, WindowAccumulator sink) {
        String lockClass = JfrFields.className(e, "monitorClass");
        if (lockClass == null) {
            return;
        }
        RecordedThread previous = e.hasField("previousOwner") ? e.getThread("previousOwner") : null;
        record(e, lockClass, true, previous == null ? null : threadName(previous), sink);
    }

    static void threadPark(RecordedEvent e, WindowAccumulator sink) {
        String blocker = JfrFields.className(e, "parkedClass");
        if (blocker == null || !isLock(blocker)) {
            return;
        }
        record(e, blocker, false, null, sink);
    }

    /**
     * Synchronizers that are locks: ReentrantLock, ReentrantReadWriteLock, StampedLock and
     * Semaphore (whose permits are a lock on a resource), and the application's own.
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

    private static void record(RecordedEvent e, String lockClass, boolean monitor, String previousOwner,
            WindowAccumulator sink) {
        List<String> all = new ArrayList<>();
        String ownerType = JavaTypes.isPlatform(lockClass) ? null : lockClass;
        int firstApplicationFrame = -1;
        RecordedStackTrace stack = e.getStackTrace();
        if (stack != null) {
            for (RecordedFrame frame : stack.getFrames()) {
                String where = JfrFields.where(frame);
                if (where == null) {
                    continue;
                }
                String type = frame.getMethod().getType().getName();
                all.add(where);
                if (firstApplicationFrame < 0 && !JavaTypes.isPlatform(type) && !JavaTypes.isHidden(type)) {
                    firstApplicationFrame = all.size() - 1;
                    if (ownerType == null) {
                        ownerType = type;
                    }
                }
                if (firstApplicationFrame >= 0 && all.size() >= firstApplicationFrame + STACK_FRAMES) {
                    break;
                }
            }
        }
        // a parked waiter's top frames are the JDK's park machinery: start at the lock call above the application
        int from = Math.max(0, firstApplicationFrame - 1);
        List<String> frames = all.subList(from, Math.min(all.size(), from + STACK_FRAMES));
        RecordedThread waiter = e.getThread();
        sink.recordLockWait(lockClass, ownerType, monitor, e.getDuration().toNanos() / 1e6,
                waiter == null ? null : threadName(waiter), frames, previousOwner);
    }

    private static String threadName(RecordedThread t) {
        String name = t.getJavaName();
        return name != null ? name : t.getOSName();
    }
}
