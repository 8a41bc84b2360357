package dev.precog.it.workload;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * An order service with a thread leak: each report request gets its own one-thread pool
 * (its thread named "report-exporter-<n>") that is never shut down, so its idle worker lives on
 * forever. Orders go to a healthy fixed pool ("order-worker-<n>") whose size never changes.
 * Prints "ready", then "reports N" every five seconds. Args: report requests per second (1-10).
 */
public final class ThreadLeakingService {

    private static final int ORDER_WORKERS = 4;
    private static final AtomicLong EXPORTED = new AtomicLong();

    private ThreadLeakingService() {}

    public static void main(String[] args) throws InterruptedException {
        ParentWatch.start();
        int reportEvery = Math.max(1, 10 / Integer.parseInt(args[0]));
        AtomicLong workers = new AtomicLong();
        ExecutorService orders = Executors.newFixedThreadPool(ORDER_WORKERS,
                task -> new Thread(task, "order-worker-" + workers.incrementAndGet()));
        System.out.println("ready");
        for (long tick = 0; ; tick++) {
            // ten orders every 100 ms on the shared pool: the healthy way
            for (int i = 0; i < 10; i++) {
                long order = tick * 10 + i;
                orders.execute(() -> Garbage.renderPage(order));
            }
            if (tick % reportEvery == 0) {
                exportReport(tick / reportEvery + 1);
            }
            if (tick % 50 == 0) {
                System.out.println("reports " + EXPORTED.get());
            }
            TimeUnit.MILLISECONDS.sleep(100);
        }
    }

    /**
     * The bug: a pool per request, never shut down. A fixed pool's core thread never times out,
     * and unlike newSingleThreadExecutor's wrapper nothing shuts it down when it becomes garbage.
     */
    private static void exportReport(long report) {
        ExecutorService exporter = Executors.newFixedThreadPool(1, task -> new Thread(task, "report-exporter-" + report));
        exporter.execute(() -> {
            Garbage.renderPage(report);
            EXPORTED.incrementAndGet();
        });
    }
}
