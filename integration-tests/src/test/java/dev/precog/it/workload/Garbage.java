package dev.precog.it.workload;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/** Short-lived garbage as request handling makes it: strings and lists dropped at once. */
final class Garbage {

    static volatile long sink;

    private Garbage() {}

    /** Builds and drops about 40 KB of objects. */
    static void renderPage(long request) {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            lines.add("row " + i + " of request " + request + " value " + ThreadLocalRandom.current().nextInt());
        }
        sink += lines.size() + lines.get(ThreadLocalRandom.current().nextInt(lines.size())).length();
    }
}
