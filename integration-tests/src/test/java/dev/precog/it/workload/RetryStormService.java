package dev.precog.it.workload;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * A message relay whose downstream keeps failing: every second each pending delivery is retried,
 * fails, and is put back together with a compensating message for a share of them, so the
 * backlog (and the live set) grows by a fixed percentage per second: exponentially.
 * Args: initial backlog, growth per second in percent.
 */
public final class RetryStormService {

    static final Deque<PendingDelivery> BACKLOG = new ArrayDeque<>();

    /** A message waiting to be delivered again; the backlog never drains. */
    static final class PendingDelivery {
        final long messageId;
        final int attempts;
        final byte[] body = new byte[1024];

        PendingDelivery(long messageId, int attempts) {
            this.messageId = messageId;
            this.attempts = attempts;
        }
    }

    private RetryStormService() {}

    public static void main(String[] args) throws InterruptedException {
        ParentWatch.start();
        int initial = Integer.parseInt(args[0]);
        double growth = Double.parseDouble(args[1]) / 100;
        long id = 0;
        for (; id < initial; id++) {
            BACKLOG.add(new PendingDelivery(id, 0));
        }
        System.out.println("ready");
        long request = 0;
        while (true) {
            long started = System.nanoTime();
            int compensations = (int) Math.round(BACKLOG.size() * growth);
            for (int i = 0; i < compensations; i++, id++) {
                BACKLOG.add(new PendingDelivery(id, 1));
            }
            // the rest of the service keeps serving, and its garbage keeps young collections coming
            while (System.nanoTime() - started < 1_000_000_000L) {
                for (int i = 0; i < 20; i++) {
                    Garbage.renderPage(request++);
                }
                Thread.sleep(25);
            }
        }
    }
}
