package dev.precog.it.harness;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayDeque;
import java.util.Deque;

/** Drains a child's output stream on a thread, keeping the last lines and a copy on disk. */
final class OutputBuffer {

    private static final int KEPT_LINES = 5_000;

    private final Deque<String> lines = new ArrayDeque<>();
    private final Thread drainer;

    OutputBuffer(InputStream in, Path copy, String threadName) {
        drainer = new Thread(() -> drain(in, copy), threadName);
        drainer.setDaemon(true);
        drainer.start();
    }

    private void drain(InputStream in, Path copy) {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                synchronized (lines) {
                    lines.addLast(line);
                    if (lines.size() > KEPT_LINES) {
                        lines.removeFirst();
                    }
                }
                Files.writeString(copy, line + System.lineSeparator(), StandardCharsets.UTF_8,
                        StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            }
        } catch (IOException e) {
            // the process ended
        }
    }

    String text() {
        synchronized (lines) {
            return String.join("\n", lines);
        }
    }

    void awaitEnd(long millis) throws InterruptedException {
        drainer.join(millis);
    }
}
