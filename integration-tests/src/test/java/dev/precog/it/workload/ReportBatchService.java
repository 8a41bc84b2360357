package dev.precog.it.workload;

import java.util.ArrayList;
import java.util.List;

/**
 * A reporting service that runs a batch every few seconds: the batch loads its rows, holds them
 * while it works, then drops them, but keeps each batch's summary rows in a static archive that
 * is never trimmed. The live set swings with every batch and rises by the archived residue: a
 * periodic leak. Args: seconds between batch starts, rows per batch, rows archived per batch.
 */
public final class ReportBatchService {

    static final List<ArchivedSummary> ARCHIVE = new ArrayList<>();

    /** What each batch leaves behind for good. */
    static final class ArchivedSummary {
        final long batch;
        final byte[] figures = new byte[512];

        ArchivedSummary(long batch) {
            this.batch = batch;
        }
    }

    /** A working row of a batch, released when the batch ends. */
    static final class ReportRow {
        final long id;
        final byte[] cells = new byte[512];

        ReportRow(long id) {
            this.id = id;
        }
    }

    private ReportBatchService() {}

    public static void main(String[] args) throws InterruptedException {
        ParentWatch.start();
        long periodNanos = Long.parseLong(args[0]) * 1_000_000_000L;
        int rows = Integer.parseInt(args[1]);
        int archived = Integer.parseInt(args[2]);
        System.out.println("ready");
        long request = 0;
        long batch = 0;
        List<ReportRow> working = null;
        long batchStarted = System.nanoTime();
        while (true) {
            long now = System.nanoTime();
            if (working == null && now - batchStarted < periodNanos / 2) {
                working = new ArrayList<>(rows);
                for (int i = 0; i < rows; i++) {
                    working.add(new ReportRow(i));
                }
            } else if (working != null && now - batchStarted >= periodNanos / 2) {
                // the batch is done: its rows go, its summary stays
                for (int i = 0; i < archived; i++) {
                    ARCHIVE.add(new ArchivedSummary(batch));
                }
                working = null;
                batch++;
            }
            if (now - batchStarted >= periodNanos) {
                batchStarted += periodNanos;
            }
            for (int i = 0; i < 20; i++) {
                Garbage.renderPage(request++);
            }
            Thread.sleep(25);
        }
    }
}
