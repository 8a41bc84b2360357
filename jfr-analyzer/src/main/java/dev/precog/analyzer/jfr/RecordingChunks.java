package dev.precog.analyzer.jfr;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * The chunks of a .jfr file as their headers describe them: where each lies in the file and which
 * time it covers. Reading the headers costs one small read per chunk (a 1 GB recording has about
 * a hundred), and tells two things the event stream does not: how far into the file an event is,
 * and whether the file was cut short (the stream just ends early on a damaged file).
 */
final class RecordingChunks {

    /** JFR's chunk header: magic, version, then longs for size, positions and time; 68 bytes in all. */
    private static final int HEADER_SIZE = 68;
    private static final int MAGIC = 'F' << 24 | 'L' << 16 | 'R' << 8;
    private static final int SIZE_OFFSET = 8;
    private static final int START_NANOS_OFFSET = 32;
    private static final int DURATION_NANOS_OFFSET = 40;

    /** One chunk: its byte range in the file and the wall-clock time it covers, in epoch nanoseconds. */
    record Chunk(long offset, long size, long startNanos, long durationNanos) {}

    private final List<Chunk> chunks;
    private final long fileSize;
    private final String damage;
    private int cursor;

    private RecordingChunks(List<Chunk> chunks, long fileSize, String damage) {
        this.chunks = chunks;
        this.fileSize = fileSize;
        this.damage = damage;
    }

    /** Walks the chain of chunk headers from the start of the file to its end or to the first damage. */
    static RecordingChunks read(Path file) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = channel.size();
            List<Chunk> chunks = new ArrayList<>();
            ByteBuffer header = ByteBuffer.allocate(HEADER_SIZE);
            long offset = 0;
            while (offset < size) {
                header.clear();
                if (size - offset < HEADER_SIZE || channel.read(header, offset) < HEADER_SIZE) {
                    return new RecordingChunks(chunks, size, "it ends inside the header of chunk " + (chunks.size() + 1));
                }
                if (header.getInt(0) != MAGIC) {
                    return new RecordingChunks(chunks, size, "chunk " + (chunks.size() + 1) + " at byte " + offset + " has no JFR header");
                }
                long chunkSize = header.getLong(SIZE_OFFSET);
                if (chunkSize < HEADER_SIZE || offset + chunkSize > size) {
                    return new RecordingChunks(chunks, size, "chunk " + (chunks.size() + 1) + " is cut short (it should hold "
                            + chunkSize + " bytes, the file has " + (size - offset) + " left)");
                }
                chunks.add(new Chunk(offset, chunkSize, header.getLong(START_NANOS_OFFSET), header.getLong(DURATION_NANOS_OFFSET)));
                offset += chunkSize;
            }
            return new RecordingChunks(List.copyOf(chunks), size, null);
        }
    }

    List<Chunk> chunks() {
        return chunks;
    }

    long fileSize() {
        return fileSize;
    }

    /** What is wrong with the file's chunk structure, or null when every chunk is whole. */
    String damage() {
        return damage;
    }

    /**
     * About how many bytes of the file lie before an event at {@code epochNanos}: the bytes of the
     * chunks before its chunk, plus the share of its chunk that its time is into that chunk. Events
     * come in file order, so the chunk is looked for from the last one found onwards.
     */
    long bytesBefore(long epochNanos) {
        if (chunks.isEmpty()) {
            return 0;
        }
        while (cursor < chunks.size() - 1 && epochNanos >= chunks.get(cursor + 1).startNanos()) {
            cursor++;
        }
        Chunk c = chunks.get(cursor);
        double share = c.durationNanos() <= 0 ? 0 : (double) (epochNanos - c.startNanos()) / c.durationNanos();
        return c.offset() + Math.round(c.size() * Math.max(0, Math.min(1, share)));
    }
}
