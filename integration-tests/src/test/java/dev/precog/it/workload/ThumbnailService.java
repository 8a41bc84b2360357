package dev.precog.it.workload;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A thumbnail service: an upload listener hands each upload to a ThreadPoolExecutor as a
 * {@link ThumbnailJob}, which fetches the original from a slow image store over a socket and
 * scales it. Built with the classic mistake of an unbounded queue, the pool never grows past its
 * core size, so when uploads arrive faster than the core workers finish them, work queues up.
 * Args: core workers, maximum workers, uploads per second, image store latency in milliseconds.
 */
public final class ThumbnailService {

    /** One upload to scale: fetches the original from the image store, then scales it. */
    static final class ThumbnailJob implements Callable<Integer> {
        static volatile int storePort;
        private final long upload;

        ThumbnailJob(long upload) {
            this.upload = upload;
        }

        @Override
        public Integer call() throws IOException {
            String original = ImageStoreClient.fetch(storePort, "img-" + upload);
            return scale(original);
        }

        private static int scale(String original) {
            int[] pixels = new int[4096];
            for (int i = 0; i < pixels.length; i++) {
                pixels[i] = original.hashCode() * i;
            }
            return pixels[pixels.length / 2];
        }
    }

    /**
     * The image store's client: one connection per image, so the store's side never sits in a read
     * waiting for the next request of an idle connection.
     */
    static final class ImageStoreClient {
        private ImageStoreClient() {}

        static String fetch(int port, String image) throws IOException {
            try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port);
                    PrintWriter out = new PrintWriter(s.getOutputStream(), true, StandardCharsets.UTF_8);
                    BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.UTF_8))) {
                out.println(image);
                return in.readLine();
            }
        }
    }

    private ThumbnailService() {}

    public static void main(String[] args) throws Exception {
        ParentWatch.start();
        int core = Integer.parseInt(args[0]);
        int max = Integer.parseInt(args[1]);
        double uploadsPerSecond = Double.parseDouble(args[2]);
        ThumbnailJob.storePort = new SlowBackend("image-store", Long.parseLong(args[3])).port();
        AtomicInteger workers = new AtomicInteger();
        ThreadFactory named = r -> {
            Thread t = new Thread(r, "thumbnail-" + workers.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
        ThreadPoolExecutor pool = new ThreadPoolExecutor(core, max, 60, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), named);
        Thread listener = new Thread(() -> acceptUploads(pool, uploadsPerSecond), "upload-listener");
        listener.setDaemon(true);
        listener.start();
        System.out.println("ready");
        Thread.currentThread().join();
    }

    private static void acceptUploads(ThreadPoolExecutor pool, double perSecond) {
        long intervalNanos = (long) (1e9 / perSecond);
        long next = System.nanoTime();
        for (long upload = 0; ; upload++) {
            pool.submit(new ThumbnailJob(upload));
            next += intervalNanos;
            long sleep = next - System.nanoTime();
            if (sleep > 0) {
                try {
                    TimeUnit.NANOSECONDS.sleep(sleep);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }
    }
}
