package dev.precog.it.workload;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A request-serving loop that caches every user session in a static map and never evicts it:
 * the heap's live set grows linearly while requests also produce short-lived garbage.
 * Args: requests per second, bytes kept per session.
 */
public final class LeakingSessionService {

    static final Map<Long, UserSession> SESSIONS = new ConcurrentHashMap<>();

    /** What the service wrongly keeps forever. */
    static final class UserSession {
        final long userId;
        final byte[] profile;
        final List<String> recentPages = new ArrayList<>();

        UserSession(long userId, int bytes) {
            this.userId = userId;
            this.profile = new byte[bytes];
        }
    }

    private LeakingSessionService() {}

    public static void main(String[] args) throws InterruptedException {
        ParentWatch.start();
        int rate = Integer.parseInt(args[0]);
        int bytes = Integer.parseInt(args[1]);
        System.out.println("ready");
        long request = 0;
        while (true) {
            long started = System.nanoTime();
            for (int i = 0; i < rate / 10; i++) {
                handle(request++, bytes);
            }
            long spent = (System.nanoTime() - started) / 1_000_000;
            Thread.sleep(Math.max(1, 100 - spent));
        }
    }

    private static void handle(long request, int bytes) {
        UserSession s = SESSIONS.computeIfAbsent(request, id -> new UserSession(id, bytes));
        s.recentPages.add("/page/" + (request % 50));
        Garbage.renderPage(request);
    }
}
