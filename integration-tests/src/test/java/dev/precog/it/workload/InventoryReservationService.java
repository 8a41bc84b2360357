package dev.precog.it.workload;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A stock service whose request threads all reserve through one synchronized ledger, and the
 * ledger recomputes its audit checksum inside the lock: monitor contention on
 * {@link StockLedger}. Args: request threads, microseconds of work under the lock, milliseconds
 * each thread thinks between requests (a healthy configuration holds briefly and thinks long).
 */
public final class InventoryReservationService {

    /** The shared ledger: every reservation takes its monitor. */
    static final class StockLedger {
        private final Map<Integer, Integer> stock = new HashMap<>();
        private long checksum;

        synchronized void reserve(int sku, long holdNanos) {
            stock.merge(sku, -1, Integer::sum);
            // the audit checksum is recomputed under the lock: the slow part of the critical section
            long until = System.nanoTime() + holdNanos;
            long sum = checksum;
            while (System.nanoTime() < until) {
                for (Map.Entry<Integer, Integer> e : stock.entrySet()) {
                    sum = sum * 31 + e.getKey() * 17L + e.getValue();
                }
            }
            checksum = sum;
        }
    }

    private InventoryReservationService() {}

    public static void main(String[] args) throws InterruptedException {
        ParentWatch.start();
        int threads = Integer.parseInt(args[0]);
        long holdNanos = Long.parseLong(args[1]) * 1000;
        long thinkMillis = Long.parseLong(args[2]);
        StockLedger ledger = new StockLedger();
        RequestThreads.start("reservation", threads, thinkMillis, n -> ledger.reserve(ThreadLocalRandom.current().nextInt(200), holdNanos));
        System.out.println("ready");
        Thread.currentThread().join();
    }
}
