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

    private RetainingCart() {}

    /**
     * Adds 20,000 items, then 20,000 byte arrays of about 256 bytes, to {@code keep}, over about
     * half a second. One type after the other, so that the TLAB refills JFR samples land on each
     * type in its own phase instead of on whichever of two mixed types happens to be larger.
     */
    public static void retain(List<Object> keep) throws InterruptedException {
        for (int i = 0; i < 20_000; i++) {
            keep.add(new Item(i));
            pauseNow(i);
        }
        for (int i = 0; i < 20_000; i++) {
            keep.add(new byte[192 + (i * 37) % 128]);
            pauseNow(i);
        }
    }

    private static void pauseNow(int i) throws InterruptedException {
        if (i % 2_000 == 1_999) {
            Thread.sleep(20);
        }
    }
}
