package dev.precog.it.workload;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A market-data decoder that turns each incoming batch into fresh PriceTick objects and boxed
 * prices, drops them after computing an average, and does it as fast as it can: hundreds of
 * megabytes a second of short-lived objects against a small live set.
 */
public final class AllocationHeavyService {

    /** One decoded price update; allocated per message, which is the problem. */
    static final class PriceTick {
        final long instrument;
        final double price;
        final long timestamp;

        PriceTick(long instrument, double price, long timestamp) {
            this.instrument = instrument;
            this.price = price;
            this.timestamp = timestamp;
        }
    }

    static volatile double sink;

    private AllocationHeavyService() {}

    public static void main(String[] args) {
        ParentWatch.start();
        System.out.println("ready");
        while (true) {
            sink = decodeBatch(2_000);
        }
    }

    static double decodeBatch(int messages) {
        List<PriceTick> ticks = new ArrayList<>(messages);
        List<Double> prices = new ArrayList<>(messages);
        long now = System.nanoTime();
        for (int i = 0; i < messages; i++) {
            PriceTick tick = new PriceTick(i, ThreadLocalRandom.current().nextDouble(100), now);
            ticks.add(tick);
            prices.add(tick.price);
        }
        double sum = 0;
        for (Double p : prices) {
            sum += p;
        }
        return sum / ticks.size();
    }
}
