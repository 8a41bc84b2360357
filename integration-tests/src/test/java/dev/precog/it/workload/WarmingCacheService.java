package dev.precog.it.workload;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A service whose product catalogue cache fills during its first half minute (of wall time, however
 * loaded the machine) and is then complete: the live set rises, then stays flat. Not a leak.
 * Requests add request garbage.
 */
public final class WarmingCacheService {

    private static final int PRODUCTS = 6_000;
    private static final int PRODUCTS_PER_SECOND = 200;
    static final Map<Integer, byte[]> CATALOGUE = new ConcurrentHashMap<>();

    private WarmingCacheService() {}

    public static void main(String[] args) throws InterruptedException {
        ParentWatch.start();
        System.out.println("ready");
        long startedAt = System.nanoTime();
        long request = 0;
        while (true) {
            long started = System.nanoTime();
            // the catalogue loads 200 products a second of wall time, 16 KB each: full after 30 s
            // however slowly requests run (on a starved machine a fill paced by requests took minutes)
            int due = (int) Math.min(PRODUCTS, (started - startedAt) / (1_000_000_000L / PRODUCTS_PER_SECOND));
            for (int product = CATALOGUE.size(); product < due; product++) {
                CATALOGUE.put(product, new byte[16 * 1024]);
            }
            for (int i = 0; i < 20; i++) {
                Garbage.renderPage(request++);
            }
            Thread.sleep(Math.max(1, 100 - (System.nanoTime() - started) / 1_000_000));
        }
    }
}
