package dev.precog.demo;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The bundled demo workload: a small shop back-end that serves checkout requests and, like many
 * real services, remembers every customer session in a static map that nothing ever evicts.
 * Run it with the agent to see Precog find the leak: {@code java -jar precog-agent.jar demo}.
 */
public final class LeakyShopService {

    /** The leak: sessions are added on every login and never removed. */
    static final Map<String, CustomerSession> SESSIONS = new ConcurrentHashMap<>();

    private LeakyShopService() {}

    /** What the service remembers about a logged-in customer: a cart and a browsing history. */
    static final class CustomerSession {
        final String customerId;
        final List<String> viewedProducts = new ArrayList<>();
        final byte[] cartSnapshot;

        CustomerSession(String customerId, int cartBytes) {
            this.customerId = customerId;
            this.cartSnapshot = new byte[cartBytes];
        }
    }

    /**
     * Arguments: requests per second (default 200), session size in bytes (default 8192),
     * run time in seconds (default: until killed).
     */
    public static void main(String[] args) throws InterruptedException {
        int rate = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        int sessionBytes = args.length > 1 ? Integer.parseInt(args[1]) : 8192;
        long seconds = args.length > 2 ? Long.parseLong(args[2]) : Long.MAX_VALUE / 2_000;
        long end = System.currentTimeMillis() + seconds * 1000;
        long served = 0;
        System.out.println("LeakyShopService serving " + rate + " requests/s");
        while (System.currentTimeMillis() < end) {
            long tick = System.nanoTime();
            for (int i = 0; i < rate / 10; i++) {
                served += checkout(served, sessionBytes);
            }
            long spentMillis = (System.nanoTime() - tick) / 1_000_000;
            Thread.sleep(Math.max(1, 100 - spentMillis));
        }
        System.out.println("LeakyShopService done after " + served + " requests, " + SESSIONS.size() + " sessions");
    }

    /** One request: log in (leaks a session), price the cart (short-lived garbage), return 1. */
    private static int checkout(long requestNumber, int sessionBytes) {
        String customer = "customer-" + requestNumber;
        CustomerSession session = SESSIONS.computeIfAbsent(customer, id -> new CustomerSession(id, sessionBytes));
        session.viewedProducts.add("product-" + ThreadLocalRandom.current().nextInt(1000));
        // Pricing builds a throw-away quote per catalogue line, as real request handling does.
        double total = 0;
        List<String> quote = new ArrayList<>();
        for (int line = 0; line < 400; line++) {
            double price = ThreadLocalRandom.current().nextDouble(1, 100);
            quote.add("line " + line + " " + customer + " " + price);
            total += price;
        }
        return total > 0 && !quote.isEmpty() ? 1 : 0;
    }
}
