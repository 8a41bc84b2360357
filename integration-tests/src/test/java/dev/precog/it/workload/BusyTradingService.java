package dev.precog.it.workload;

import dev.precog.it.workload.InventoryReservationService.StockLedger;
import dev.precog.it.workload.PriceBookService.PriceBook;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Three bundled services in one JVM, so a recording of it holds every kind of high-volume event:
 * the market-data decoder's short-lived garbage (allocation events), quote threads contending on a
 * ReentrantLock (parks) and reservation threads contending on a monitor (monitor enters). Args:
 * threads for each of the two locks. Used to make large recordings for the analyzer's throughput.
 */
public final class BusyTradingService {

    private BusyTradingService() {}

    public static void main(String[] args) {
        ParentWatch.start();
        int threads = Integer.parseInt(args[0]);
        PriceBook book = new PriceBook();
        StockLedger ledger = new StockLedger();
        // holds of a few µs and no think time: contended all the time, yet the lock holders' spinning
        // leaves most of the CPU to the decoder, whose garbage makes most of the events
        RequestThreads.start("quote", threads, 0, n -> book.reprice(ThreadLocalRandom.current().nextInt(500), 2_000));
        RequestThreads.start("reservation", threads, 0, n -> ledger.reserve(ThreadLocalRandom.current().nextInt(200), 5_000));
        System.out.println("ready");
        while (true) {
            AllocationHeavyService.sink = AllocationHeavyService.decodeBatch(2_000);
        }
    }
}
