package example.shop;

import java.util.List;

/**
 * An application-side allocator for analyzer tests: it lives outside {@code dev.precog} because
 * Precog's own classes never count as the application's frames or suspects.
 */
public final class RetainingCart {

    /** About 270 bytes, so its allocations take a fair share of the TLAB refills JFR samples. */
    @SuppressWarnings("unused")
    public static final class Item {
        long a, b, c, d, e, f, g, h, i, j, k, l, m, n, o, p;
        final int id;

        Item(int id) {
            this.id = id;
        }
    }

    private static final int COUNT = 150_000;

    private RetainingCart() {}

    /**
     * Adds 150,000 items, then 150,000 byte arrays of about 256 bytes (about 40 MB each), to
     * {@code keep}, over about a second. One type after the other, so that the TLAB refills JFR
     * samples land on each type in its own phase instead of on whichever of two mixed types happens
     * to be larger. So many because a test JVM that has allocated a lot gives its thread TLABs of
     * megabytes: with 5 MB per type a phase could pass without a single refill, and the recording
     * then held no sample at all.
     */
    public static void retain(List<Object> keep) throws InterruptedException {
        for (int i = 0; i < COUNT; i++) {
            keep.add(new Item(i));
            pauseNow(i);
        }
        for (int i = 0; i < COUNT; i++) {
            keep.add(new byte[192 + (i * 37) % 128]);
            pauseNow(i);
        }
    }

    private static void pauseNow(int i) throws InterruptedException {
        if (i % 15_000 == 14_999) {
            Thread.sleep(20);
        }
    }
}
