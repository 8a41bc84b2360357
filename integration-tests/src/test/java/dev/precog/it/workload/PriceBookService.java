package dev.precog.it.workload;

import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A pricing service whose quote threads all reprice through one {@link PriceBook} guarded by a
 * ReentrantLock, doing the whole repricing while holding it: j.u.c lock contention, seen by JFR
 * as threads parked on ReentrantLock$NonfairSync. Args: quote threads, microseconds of work
 * under the lock, milliseconds each thread thinks between quotes.
 */
public final class PriceBookService {

    /** The shared book: one lock for every instrument. */
    static final class PriceBook {
        private final ReentrantLock lock = new ReentrantLock();
        private final double[] prices = new double[500];

        void reprice(int instrument, long holdNanos) {
            lock.lock();
            try {
                long until = System.nanoTime() + holdNanos;
                double p = prices[instrument];
                while (System.nanoTime() < until) {
                    for (double other : prices) {
                        p = p * 0.999 + other * 0.001 + 0.01;
                    }
                }
                prices[instrument] = p;
            } finally {
                lock.unlock();
            }
        }
    }

    private PriceBookService() {}

    public static void main(String[] args) throws InterruptedException {
        ParentWatch.start();
        int threads = Integer.parseInt(args[0]);
        long holdNanos = Long.parseLong(args[1]) * 1000;
        long thinkMillis = Long.parseLong(args[2]);
        PriceBook book = new PriceBook();
        RequestThreads.start("quote", threads, thinkMillis, n -> book.reprice(ThreadLocalRandom.current().nextInt(500), holdNanos));
        System.out.println("ready");
        Thread.currentThread().join();
    }
}
