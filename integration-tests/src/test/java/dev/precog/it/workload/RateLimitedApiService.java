package dev.precog.it.workload;

import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A public API gateway that rate-limits per client (API key and address) with a token bucket
 * per client in a map that nothing ever evicts. Traffic is noisy: requests arrive at random,
 * busier and quieter in turns of about nine minutes, and a share of them comes from clients never
 * seen before (rotating keys, scrapers), each of which leaves its bucket and its ring of recent
 * request times behind for good. The live set climbs slowly and steadily, with the wobble real
 * traffic gives it, while requests make the usual short-lived garbage.
 *
 * <p>Args: kilobytes leaked per second on average, requests per second on average (default 300;
 * the share of requests from new clients follows from the two and must not exceed one). With
 * {@code -Xmx256m}, 92 KB/s brings the live set to 80% of the heap after about 36 minutes and to
 * nearly 90% at 40; a shorter run reaches the same fraction with both rates scaled up in
 * proportion.
 */
public final class RateLimitedApiService {

    /** Request times each bucket remembers, for its sliding window. */
    private static final int RING = 96;
    /**
     * Bytes one new client leaves behind: the bucket (48), its ring (16 + 8 per slot), its key
     * (about 80) and the map's node and table slot (about 45); over a 40-minute run on JDK 17 (G1,
     * compressed oops) the live set grew by about 1,020 per client.
     */
    static final int BYTES_PER_CLIENT = 1_000;
    /** Client addresses seen again; a bounded list of recent keys, as a returning client is one of them. */
    private static final int RECENT = 4_096;
    private static final String[] AGENTS = {"curl/8.4.0", "okhttp/4.12.0", "python-requests/2.31.0", "Go-http-client/2.0",
        "Mozilla/5.0 (X11; Linux x86_64) Firefox/121.0"};

    static final Map<String, ClientBucket> BUCKETS = new ConcurrentHashMap<>();

    /** One client's token bucket; created on its first request and kept forever. */
    static final class ClientBucket {
        final String clientKey;
        final String userAgent;
        final long[] recentRequests = new long[RING];
        double tokens;
        long refilledAt;
        int next;

        ClientBucket(String clientKey, String userAgent, long now) {
            this.clientKey = clientKey;
            this.userAgent = userAgent;
            this.tokens = 20;
            this.refilledAt = now;
        }

        /** Refills at 10 tokens a second up to 20; takes one if there is one. */
        boolean tryAcquire(long now) {
            tokens = Math.min(20, tokens + (now - refilledAt) / 1e8);
            refilledAt = now;
            recentRequests[next] = now;
            next = (next + 1) % RING;
            if (tokens < 1) {
                return false;
            }
            tokens--;
            return true;
        }
    }

    private RateLimitedApiService() {}

    public static void main(String[] args) throws InterruptedException {
        ParentWatch.start();
        double kbPerSecond = Double.parseDouble(args[0]);
        double requestsPerSecond = args.length > 1 ? Double.parseDouble(args[1]) : 300;
        double newClientShare = kbPerSecond * 1024 / BYTES_PER_CLIENT / requestsPerSecond;
        if (newClientShare > 1) {
            throw new IllegalArgumentException(kbPerSecond + " KB/s needs more than " + requestsPerSecond
                    + " requests a second, each from a new client: raise the request rate");
        }
        Random random = new Random(42);
        String[] recent = new String[RECENT];
        long clients = 0;
        long request = 0;
        long throttled = 0;
        long start = System.nanoTime();
        System.out.println("ready");
        while (true) {
            long tickStarted = System.nanoTime();
            double minutes = (tickStarted - start) / 60e9;
            // a tenth of a second of traffic: busier and quieter in turns, Poisson-like around that
            double mean = requestsPerSecond / 10 * (1 + 0.2 * Math.sin(2 * Math.PI * minutes / 9));
            long arrivals = Math.max(0, Math.round(mean + Math.sqrt(mean) * random.nextGaussian()));
            for (long i = 0; i < arrivals; i++, request++) {
                String key;
                if (clients == 0 || random.nextDouble() < newClientShare) {
                    key = "key-" + Long.toHexString(random.nextLong()) + "@198.51." + random.nextInt(256) + "." + random.nextInt(256);
                    recent[(int) (clients++ % RECENT)] = key;
                } else {
                    key = recent[random.nextInt((int) Math.min(clients, RECENT))];
                }
                if (!handle(key, AGENTS[random.nextInt(AGENTS.length)], request)) {
                    throttled++;
                }
            }
            if (request % 50_000 < arrivals) {
                System.out.println("requests " + request + ", clients " + BUCKETS.size() + ", throttled " + throttled);
            }
            long spent = (System.nanoTime() - tickStarted) / 1_000_000;
            Thread.sleep(Math.max(1, 100 - spent));
        }
    }

    private static boolean handle(String clientKey, String userAgent, long request) {
        long now = System.nanoTime();
        ClientBucket bucket = BUCKETS.computeIfAbsent(clientKey, k -> new ClientBucket(k, userAgent, now));
        if (!bucket.tryAcquire(now)) {
            return false;
        }
        // the proxied call's response, built and dropped: every other request renders a page
        if ((request & 1) == 0) {
            Garbage.renderPage(request);
        }
        return true;
    }
}
