package dev.precog.it.workload;

import java.util.ArrayList;
import java.util.List;

/**
 * A service that serves requests and runs a scheduled import every few seconds; each import's
 * records are appended to an audit trail that is never trimmed, so the live set rises in steps
 * (a staircase) with flat stretches between imports. Args: seconds between imports, records
 * per import.
 */
public final class NightlyImportService {

    static final List<List<ImportedRecord>> AUDIT_TRAIL = new ArrayList<>();

    /** One imported row, kept forever by the audit trail. */
    static final class ImportedRecord {
        final long id;
        final String sku;
        final byte[] payload;

        ImportedRecord(long id, String sku, int bytes) {
            this.id = id;
            this.sku = sku;
            this.payload = new byte[bytes];
        }
    }

    private NightlyImportService() {}

    public static void main(String[] args) throws InterruptedException {
        ParentWatch.start();
        long periodNanos = Long.parseLong(args[0]) * 1_000_000_000L;
        int records = Integer.parseInt(args[1]);
        System.out.println("ready");
        long nextImport = System.nanoTime() + periodNanos;
        long request = 0;
        long id = 0;
        while (true) {
            if (System.nanoTime() >= nextImport) {
                List<ImportedRecord> batch = new ArrayList<>(records);
                for (int i = 0; i < records; i++, id++) {
                    batch.add(new ImportedRecord(id, "SKU-" + id, 320));
                }
                AUDIT_TRAIL.add(batch);
                nextImport += periodNanos;
            }
            // between imports: ordinary requests whose garbage keeps young collections coming
            for (int i = 0; i < 40; i++) {
                Garbage.renderPage(request++);
            }
            Thread.sleep(25);
        }
    }
}
