package dev.precog.agent;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The table {@code jcmd <pid> VM.classloader_stats} prints: per class loader its classes and the
 * metaspace they hold, hidden classes (lambdas, proxies) on a line of their own below it.
 *
 * <p>The sizes are in bytes from JDK 21 on and in words before (JDK-8302455, not backported: JDK
 * 17.0.15 still prints words), which {@link #unitBytes} tells from the metaspace the JVM reports
 * used rather than from a version number.
 *
 * @param rows one per loader that holds classes, its hidden classes folded in
 * @param totalBlockSize the blocks of every loader together (what their classes use), in the table's unit
 */
record ClassLoaderStats(List<Row> rows, long totalBlockSize) {

    /** A loader line: three addresses (loader, parent, its data), classes, chunk and block size, the loader's type. */
    private static final Pattern LOADER = Pattern.compile(
            "^0x\\p{XDigit}+\\s+0x\\p{XDigit}+\\s+0x\\p{XDigit}+\\s+(\\d+)\\s+(\\d+)\\s+(\\d+)\\s+(\\S.*?)\\s*$");
    /** "+ hidden classes" (JDK 15 on) or "+ unsafe anonymous classes" below the loader they belong to. */
    private static final Pattern HIDDEN = Pattern.compile("^\\s+(\\d+)\\s+(\\d+)\\s+(\\d+)\\s+\\+ .*$");
    private static final Pattern TOTAL = Pattern.compile("^Total = \\d+\\s+\\d+\\s+\\d+\\s+(\\d+)\\s*$");

    /**
     * One loader's classes (hidden ones included) and the metaspace they hold, in the table's unit.
     *
     * @param type the loader's class name, or {@code <boot class loader>}
     * @param chunkSize the metaspace chunks the loader holds: what it costs, used or not
     * @param blockSize the part of those chunks its classes use
     */
    record Row(String type, long classes, long chunkSize, long blockSize) {}

    /** Parses the command's output; lines it does not know are skipped. */
    static ClassLoaderStats parse(String text) {
        List<Row> rows = new ArrayList<>();
        long totalBlocks = 0;
        for (String line : text.split("\\R")) {
            Matcher m = LOADER.matcher(line);
            if (m.matches()) {
                rows.add(new Row(m.group(4), Long.parseLong(m.group(1)), Long.parseLong(m.group(2)), Long.parseLong(m.group(3))));
                continue;
            }
            m = HIDDEN.matcher(line);
            if (m.matches() && !rows.isEmpty()) {
                Row owner = rows.remove(rows.size() - 1);
                rows.add(new Row(owner.type(), owner.classes() + Long.parseLong(m.group(1)),
                        owner.chunkSize() + Long.parseLong(m.group(2)), owner.blockSize() + Long.parseLong(m.group(3))));
                continue;
            }
            m = TOTAL.matcher(line);
            if (m.matches()) {
                totalBlocks = Long.parseLong(m.group(1));
            }
        }
        return new ClassLoaderStats(List.copyOf(rows), totalBlocks);
    }

    /**
     * The rows of every loader of {@code type} added up; null when none holds classes. Two Precog
     * agents in one JVM (each in a loader of its own) would be counted together.
     */
    Row of(String type) {
        Row sum = null;
        for (Row r : rows) {
            if (r.type().equals(type)) {
                sum = sum == null ? r
                        : new Row(type, sum.classes() + r.classes(), sum.chunkSize() + r.chunkSize(), sum.blockSize() + r.blockSize());
            }
        }
        return sum;
    }

    /**
     * Bytes per unit of the table's sizes: {@code wordSize} when the metaspace the JVM reports used
     * is nearer {@code wordSize} times the blocks' total than the total itself (the table speaks
     * words), else 1. Both count the blocks classes use, so in bytes they agree within a few percent
     * (9,439 KB used against 9,439 KB of blocks on JDK 25); the midpoint between 1 and
     * {@code wordSize} on a log scale is its square root. Null when the table has no total.
     */
    Long unitBytes(long usedMetaspace, int wordSize) {
        if (totalBlockSize <= 0 || usedMetaspace <= 0) {
            return null;
        }
        return (double) usedMetaspace / totalBlockSize > Math.sqrt(wordSize) ? (long) wordSize : 1L;
    }
}
