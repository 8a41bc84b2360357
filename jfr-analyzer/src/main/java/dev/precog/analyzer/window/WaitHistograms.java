package dev.precog.analyzer.window;

import dev.precog.model.WaitSite;
import java.nio.ByteBuffer;
import java.util.zip.DataFormatException;
import org.HdrHistogram.Histogram;

/** The compressed HdrHistogram form of {@link WaitSite#waitHistogram()}: encoded per window, merged per span. */
public final class WaitHistograms {

    private WaitHistograms() {}

    static byte[] encode(Histogram h) {
        ByteBuffer buffer = ByteBuffer.allocate(h.getNeededByteBufferCapacity());
        int length = h.encodeIntoCompressedByteBuffer(buffer);
        byte[] encoded = new byte[length];
        buffer.flip();
        buffer.get(encoded);
        return encoded;
    }

    /** An empty histogram of waits in milliseconds to {@link #add} windows into. */
    public static Histogram empty() {
        return new Histogram(1, WaitTable.HIGHEST_MILLIS, 2);
    }

    /** Adds one window's encoded waits to {@code into}. */
    public static void add(Histogram into, byte[] encoded) {
        try {
            into.add(Histogram.decodeFromCompressedByteBuffer(ByteBuffer.wrap(encoded), 1));
        } catch (DataFormatException e) {
            throw new IllegalArgumentException("not a compressed HdrHistogram", e);
        }
    }
}
