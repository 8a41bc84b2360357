package dev.precog.it.harness;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real JVM started for a test: output drained on threads (and copied to files in its work
 * directory), a hard stop on close, and it exits by itself if the test JVM dies (its stdin
 * closes; see the workloads' ParentWatch).
 */
public final class ChildJvm implements AutoCloseable {

    private final Process process;
    private final OutputBuffer out;
    private final OutputBuffer err;
    private final Path dir;

    private ChildJvm(Process process, Path dir) {
        this.process = process;
        this.dir = dir;
        this.out = new OutputBuffer(process.getInputStream(), dir.resolve("stdout.txt"), "drain-out-" + process.pid());
        this.err = new OutputBuffer(process.getErrorStream(), dir.resolve("stderr.txt"), "drain-err-" + process.pid());
    }

    public static Builder on(Jdk jdk, Path dir) {
        return new Builder(jdk, dir);
    }

    public long pid() {
        return process.pid();
    }

    public Path dir() {
        return dir;
    }

    public String stdout() {
        return out.text();
    }

    public String stderr() {
        return err.text();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** Waits up to {@code timeout} for the JVM to end by itself; true when it has. */
    public boolean awaitExit(java.time.Duration timeout) throws InterruptedException {
        return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /**
     * The tests shorten the window to 1 s to be quick, and analysing every second costs the agent
     * more than its default budget of 1% of one core; with that budget it would lower its sampling
     * after a minute and change what they test. They allow it the whole core instead;
     * OverheadBudgetIT tests the budget itself.
     */
    public static final String WHOLE_CORE_BUDGET = "overheadBudget=100%";

    /** Exit code of a workload that ended normally because its stdin was closed (see ParentWatch). */
    public static final int EXIT_ON_STDIN_CLOSED = 3;

    /**
     * Asks the JVM to exit by closing its stdin (the workloads then call System.exit, so shutdown
     * hooks run), escalating to SIGTERM and SIGKILL; returns the exit code.
     */
    public int stop() throws InterruptedException {
        try {
            process.getOutputStream().close();
        } catch (IOException e) {
            // already closed
        }
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroy();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        }
        out.awaitEnd(5_000);
        err.awaitEnd(5_000);
        return process.exitValue();
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            stop();
        }
    }

    /** Everything a test wants to see when a child misbehaves. */
    public String describe() {
        return "child " + pid() + " in " + dir + (isAlive() ? " (alive)" : " (exited " + process.exitValue() + ")")
                + "\n--- stdout (tail) ---\n" + tail(stdout()) + "\n--- stderr (tail) ---\n" + tail(stderr());
    }

    private static String tail(String text) {
        return text.length() > 4000 ? "..." + text.substring(text.length() - 4000) : text;
    }

    /** How to start one child JVM. */
    public static final class Builder {
        private final Jdk jdk;
        private final Path dir;
        private final List<String> jvmArgs = new ArrayList<>();
        private final List<String> classPath = new ArrayList<>();

        Builder(Jdk jdk, Path dir) {
            this.jdk = jdk;
            this.dir = dir;
            classPath.add(Paths.testClasses().toString());
        }

        /**
         * Adds {@code -javaagent:precog-agent.jar=options} (no options when empty). Unless the options
         * name an overhead budget, the whole core is allowed ({@link #WHOLE_CORE_BUDGET}).
         */
        public Builder agent(String options) {
            String budgeted = options.contains("overheadBudget=") ? options
                    : options.isEmpty() ? WHOLE_CORE_BUDGET : options + "," + WHOLE_CORE_BUDGET;
            jvmArgs.add("-javaagent:" + Paths.agentJar() + "=" + budgeted);
            return this;
        }

        public Builder jvmArgs(String... args) {
            jvmArgs.addAll(List.of(args));
            return this;
        }

        public Builder classPath(Path entry) {
            classPath.add(entry.toString());
            return this;
        }

        /** Uses only {@code entries} as the class path, instead of the compiled workloads. */
        public Builder onlyClassPath(Path... entries) {
            classPath.clear();
            for (Path p : entries) {
                classPath.add(p.toString());
            }
            return this;
        }

        public ChildJvm start(Class<?> mainClass, String... args) {
            List<String> command = new ArrayList<>();
            command.add(jdk.java().toString());
            command.addAll(jvmArgs);
            command.add("-cp");
            command.add(String.join(java.io.File.pathSeparator, classPath));
            command.add(mainClass.getName());
            command.addAll(List.of(args));
            try {
                Process p = new ProcessBuilder(command).directory(dir.toFile()).start();
                return new ChildJvm(p, dir);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot start " + command, e);
            }
        }
    }
}
