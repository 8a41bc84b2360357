package dev.precog.it.workload;

import java.util.ArrayList;
import java.util.List;

/**
 * A batch importer: for 15 s it buffers incoming records (about 3 MB/s), then writes the batch
 * out and frees it, again and again. The heap saws up and down; nothing is kept. Not a leak.
 */
public final class BatchSawtoothService {

    private BatchSawtoothService() {}

    public static void main(String[] args) throws InterruptedException {
        ParentWatch.start();
        System.out.println("ready");
        List<byte[]> batch = new ArrayList<>();
        long batchStarted = System.currentTimeMillis();
        long request = 0;
        while (true) {
            long started = System.nanoTime();
            for (int i = 0; i < 30; i++) {
                batch.add(new byte[10 * 1024]);
                Garbage.renderPage(request++);
            }
            if (System.currentTimeMillis() - batchStarted >= 15_000) {
                System.out.println("flushed " + batch.size() + " records");
                batch = new ArrayList<>();
                batchStarted = System.currentTimeMillis();
            }
            Thread.sleep(Math.max(1, 100 - (System.nanoTime() - started) / 1_000_000));
        }
    }
}
