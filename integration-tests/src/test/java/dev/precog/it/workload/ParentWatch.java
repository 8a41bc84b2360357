package dev.precog.it.workload;

import java.io.IOException;

/** Ends a workload when the test that started it dies: its stdin closes, and we exit. */
final class ParentWatch {

    private ParentWatch() {}

    static void start() {
        Thread t = new Thread(() -> {
            try {
                while (System.in.read() >= 0) {
                    // the parent writes nothing; we only wait for end-of-stream
                }
            } catch (IOException e) {
                // stdin broken: same as closed
            }
            System.exit(3);
        }, "parent-watch");
        t.setDaemon(true);
        t.start();
    }
}
