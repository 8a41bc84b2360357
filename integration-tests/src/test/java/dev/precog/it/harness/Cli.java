package dev.precog.it.harness;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs {@code java -jar precog-agent.jar ...} as a user would, and captures what it printed. */
public final class Cli {

    private Cli() {}

    /** The outcome of one command. */
    public record Result(int exitCode, String stdout, String stderr) {}

    public static Result run(Jdk jdk, Path workDir, String... args) throws IOException, InterruptedException {
        return run(jdk, workDir, Duration.ofSeconds(120), args);
    }

    /** As {@link #run(Jdk, Path, String...)}, for commands that may take longer (a backtest of a long recording). */
    public static Result run(Jdk jdk, Path workDir, Duration timeout, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(jdk.java().toString(), "-jar", Paths.agentJar().toString()));
        command.addAll(List.of(args));
        Path out = workDir.resolve("cli-out-" + System.nanoTime() + ".txt");
        Path err = workDir.resolve("cli-err-" + System.nanoTime() + ".txt");
        Process p = new ProcessBuilder(command).directory(workDir.toFile())
                .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            throw new AssertionError("precog " + String.join(" ", args) + " did not finish within " + timeout.toSeconds() + " s");
        }
        return new Result(p.exitValue(), java.nio.file.Files.readString(out, StandardCharsets.UTF_8),
                java.nio.file.Files.readString(err, StandardCharsets.UTF_8));
    }
}
