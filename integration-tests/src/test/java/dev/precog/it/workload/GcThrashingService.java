package dev.precog.it.workload;

import java.util.concurrent.ThreadLocalRandom;

/**
 * A cache-heavy service squeezed into a heap barely larger than its data: a steady live set of
 * about 70 MB of cached pages, entries replaced as they expire (old-generation garbage) and
 * request garbage on top, so the collector runs back to back and frees little. Its live set
 * does not grow: this is GC pressure, not a leak. Run with -Xmx96m.
 */
public final class GcThrashingService {

    private static final int PAGES = 1_100;
    private static final int PAGE_BYTES = 64 * 1024;

    private GcThrashingService() {}

    public static void main(String[] args) {
        ParentWatch.start();
        byte[][] cache = new byte[PAGES][];
        for (int i = 0; i < PAGES; i++) {
            cache[i] = new byte[PAGE_BYTES];
        }
        System.out.println("ready");
        long request = 0;
        while (true) {
            // an expired page is reloaded: the old copy becomes old-generation garbage
            cache[ThreadLocalRandom.current().nextInt(PAGES)] = new byte[PAGE_BYTES];
            Garbage.renderPage(request++);
        }
    }
}
