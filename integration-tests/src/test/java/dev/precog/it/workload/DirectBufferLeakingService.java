package dev.precog.it.workload;

import java.nio.ByteBuffer;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A network gateway that gives every new connection a 64 KB direct receive buffer and keeps it
 * in a registry that is never cleaned when connections close: native memory grows about 2 MB/s
 * while the heap stays small and flat. Run with a large -XX:MaxDirectMemorySize.
 */
public final class DirectBufferLeakingService {

    /** The leak: buffers of closed connections stay registered. */
    static final Map<Long, ByteBuffer> RECEIVE_BUFFERS = new ConcurrentHashMap<>();

    private DirectBufferLeakingService() {}

    public static void main(String[] args) throws InterruptedException {
        ParentWatch.start();
        System.out.println("ready");
        long connection = 0;
        while (true) {
            long started = System.nanoTime();
            for (int i = 0; i < 3; i++) {
                ByteBuffer buffer = ByteBuffer.allocateDirect(64 * 1024);
                buffer.put(0, (byte) 1); // touch it, as a real receive would
                RECEIVE_BUFFERS.put(connection, buffer);
                Garbage.renderPage(connection++);
            }
            Thread.sleep(Math.max(1, 100 - (System.nanoTime() - started) / 1_000_000));
        }
    }
}
