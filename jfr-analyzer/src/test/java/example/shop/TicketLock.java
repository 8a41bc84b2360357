package example.shop;

import java.util.concurrent.locks.AbstractQueuedSynchronizer;

/** An application's own lock, built on AQS: threads that park acquiring it contend. */
public final class TicketLock {

    private final Sync sync = new Sync();

    /** Exclusive, non-reentrant. */
    static final class Sync extends AbstractQueuedSynchronizer {
        @Override
        protected boolean tryAcquire(int ignored) {
            return compareAndSetState(0, 1);
        }

        @Override
        protected boolean tryRelease(int ignored) {
            setState(0);
            return true;
        }
    }

    public void lock() {
        sync.acquire(1);
    }

    public void unlock() {
        sync.release(1);
    }
}
