package dev.precog.agent;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The agent's own error log. It remembers the latest error for the report and the MBean, and
 * prints to stderr only when the user asked ({@code debug=true}), at most once a minute.
 */
final class AgentLog {

    private static final long PRINT_EVERY_MILLIS = 60_000;

    private final boolean toStderr;
    private final AtomicLong errors = new AtomicLong();
    private volatile String lastError;
    private volatile long lastPrinted;

    AgentLog(boolean toStderr) {
        this.toStderr = toStderr;
    }

    void error(String what, Throwable cause) {
        errors.incrementAndGet();
        String line = Instant.now() + " " + what + (cause == null ? "" : ": " + cause);
        lastError = line;
        long now = System.currentTimeMillis();
        if (toStderr && now - lastPrinted >= PRINT_EVERY_MILLIS) {
            lastPrinted = now;
            System.err.println("precog: " + line);
        }
    }

    long errors() {
        return errors.get();
    }

    String lastError() {
        return lastError;
    }
}
