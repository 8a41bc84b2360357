package dev.precog.it.workload;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads one "Key: N kB" line of a Linux /proc file such as /proc/self/status or /proc/meminfo. */
public final class ProcFields {

    private ProcFields() {}

    /** The field's value in bytes, or -1 where there is no such file or line (not Linux). */
    public static long bytes(String file, String key) {
        try {
            for (String line : Files.readAllLines(Path.of(file))) {
                if (line.startsWith(key + ":")) {
                    return Long.parseLong(line.replaceAll("\\D", "")) * 1024;
                }
            }
        } catch (IOException | NumberFormatException e) {
            // not Linux
        }
        return -1;
    }
}
