package dev.precog.it.workload;

/** Request threads as a small service runs them: each serves requests in a loop, thinking between them. */
final class RequestThreads {

    /** One request; its number, for the garbage a request leaves. */
    interface Request {
        void serve(long number);
    }

    private RequestThreads() {}

    /** Starts {@code count} daemon threads named {@code prefix-N}, each serving, rendering a page every 50, then thinking. */
    static void start(String prefix, int count, long thinkMillis, Request request) {
        for (int i = 0; i < count; i++) {
            Thread t = new Thread(() -> {
                long n = 0;
                while (true) {
                    request.serve(n);
                    if (++n % 50 == 0) {
                        Garbage.renderPage(n);
                    }
                    if (thinkMillis > 0) {
                        try {
                            Thread.sleep(thinkMillis);
                        } catch (InterruptedException e) {
                            return;
                        }
                    }
                }
            }, prefix + "-" + i);
            t.setDaemon(true);
            t.start();
        }
    }
}
