package dev.precog.it.workload;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A service whose product catalogue cache fills during its first half minute and is then
 * complete: the live set rises, then stays flat. Not a leak. Requests add request garbage.
 */
public final class WarmingCacheService {

    private static final int PRODUCTS = 6_000;
    static final Map<Integer, byte[]> CATALOGUE = new ConcurrentHashMap<>();

    private WarmingCacheService() {}

    public static void main(String[] args) throws InterruptedException {
        ParentWatch.start();
        System.out.println("ready");
        long request = 0;
        while (true) {
            long started = System.nanoTime();
            for (int i = 0; i < 20; i++) {
                int product = (int) (request % PRODUCTS);
                // the catalogue loads lazily, 200 products a second, 16 KB each: full after 30 s
                CATALOGUE.computeIfAbsent(product, p -> new byte[16 * 1024]);
                Garbage.renderPage(request++);
            }
            Thread.sleep(Math.max(1, 100 - (System.nanoTime() - started) / 1_000_000));
        }
    }
}
