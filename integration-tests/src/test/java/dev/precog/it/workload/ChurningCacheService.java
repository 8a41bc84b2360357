package dev.precog.it.workload;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A healthy service: heavy short-lived garbage and a bounded LRU cache that fills during
 * warm-up and then stays the same size. Prints "tick N" every half second.
 * Args: requests per second.
 */
public final class ChurningCacheService {

    private static final int CACHE_ENTRIES = 2_000;

    /** Bounded: the eldest entry goes once the cache is full. */
    static final Map<Long, byte[]> CACHE = new LinkedHashMap<>(CACHE_ENTRIES, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, byte[]> eldest) {
            return size() > CACHE_ENTRIES;
        }
    };

    private ChurningCacheService() {}

    public static void main(String[] args) throws InterruptedException {
        ParentWatch.start();
        int rate = Integer.parseInt(args[0]);
        System.out.println("ready");
        long request = 0;
        long tick = 0;
        while (true) {
            long started = System.nanoTime();
            for (int i = 0; i < rate / 10; i++) {
                CACHE.put(request % 10_000, new byte[4096]);
                Garbage.renderPage(request++);
            }
            if (request % (rate / 2) < rate / 10) {
                System.out.println("tick " + tick++);
            }
            long spent = (System.nanoTime() - started) / 1_000_000;
            Thread.sleep(Math.max(1, 100 - spent));
        }
    }
}
