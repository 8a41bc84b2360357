package dev.precog.agent.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Keeps the attach API from killing a process that is not a JVM: to start a JVM's attach
 * listener the JDK sends it SIGQUIT, which ends any process that does not catch that signal.
 * On Linux, /proc/&lt;pid&gt;/status tells whether the process catches it (SigCgt).
 */
final class AttachSafety {

    private static final long SIGQUIT_MASK = 1L << (3 - 1);

    private AttachSafety() {}

    /** Why attaching to {@code pid} would be unsafe, or empty when it looks like a JVM (or cannot be told). */
    static Optional<String> problem(String pid) {
        Path status = Path.of("/proc", pid, "status");
        if (!Files.isReadable(status)) {
            return Optional.empty();
        }
        try {
            return problemFromStatus(pid, Files.readString(status, java.nio.charset.StandardCharsets.ISO_8859_1));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    static Optional<String> problemFromStatus(String pid, String statusText) {
        String name = "";
        for (String line : statusText.split("\n")) {
            if (line.startsWith("Name:")) {
                name = line.substring(5).trim();
            } else if (line.startsWith("SigCgt:")) {
                long caught = Long.parseUnsignedLong(line.substring(7).trim(), 16);
                if ((caught & SIGQUIT_MASK) == 0) {
                    return Optional.of("process " + pid + " (" + name + ") is not a JVM: it does not handle SIGQUIT, "
                            + "so attaching would kill it (JVMs started with -Xrs are refused for the same reason)");
                }
            }
        }
        return Optional.empty();
    }
}
