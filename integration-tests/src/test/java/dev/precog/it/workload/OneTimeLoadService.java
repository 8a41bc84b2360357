package dev.precog.it.workload;

/**
 * A service that, 20 s after start, loads a 60 MB reference table once and keeps it: one step
 * up in the live set, then flat. Not a leak.
 */
public final class OneTimeLoadService {

    static byte[][] referenceTable;

    private OneTimeLoadService() {}

    public static void main(String[] args) throws InterruptedException {
        ParentWatch.start();
        System.out.println("ready");
        long start = System.currentTimeMillis();
        long request = 0;
        while (true) {
            long started = System.nanoTime();
            if (referenceTable == null && System.currentTimeMillis() - start >= 20_000) {
                byte[][] table = new byte[960][];
                for (int i = 0; i < table.length; i++) {
                    table[i] = new byte[64 * 1024];
                }
                referenceTable = table;
                System.out.println("reference table loaded");
            }
            for (int i = 0; i < 30; i++) {
                Garbage.renderPage(request++);
            }
            Thread.sleep(Math.max(1, 100 - (System.nanoTime() - started) / 1_000_000));
        }
    }
}
