package dev.precog.it.workload;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * A quote aggregator whose request threads each ask a slow pricing backend over a socket and wait
 * for its answer: the threads' time goes to socket reads from one endpoint, an I/O-bound service.
 * The backend ({@link SlowBackend}) runs in the same JVM and answers after a fixed latency. Args:
 * client threads, backend latency in milliseconds.
 */
public final class QuoteAggregatorService {

    /** A request thread's connection to the backend: asks, then blocks reading the answer. */
    static final class PricingClient {
        private final PrintWriter out;
        private final BufferedReader in;

        PricingClient(int port) throws IOException {
            Socket s = new Socket(InetAddress.getLoopbackAddress(), port);
            out = new PrintWriter(s.getOutputStream(), true, StandardCharsets.UTF_8);
            in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.UTF_8));
        }

        String quote(String symbol) {
            out.println(symbol);
            try {
                return in.readLine();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private QuoteAggregatorService() {}

    public static void main(String[] args) throws Exception {
        ParentWatch.start();
        int clients = Integer.parseInt(args[0]);
        SlowBackend backend = new SlowBackend("pricing-backend", Long.parseLong(args[1]));
        for (int i = 0; i < clients; i++) {
            PricingClient client = new PricingClient(backend.port());
            RequestThreads.start("quote-request-" + i, 1, 0, n -> client.quote("SYM" + (n % 40)));
        }
        System.out.println("ready");
        Thread.currentThread().join();
    }
}
