package dev.precog.it.overhead;

import dev.precog.it.harness.Jdk;
import dev.precog.it.harness.Paths;
import dev.precog.it.workload.StartupProbe;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Times {@link StartupProbe} from the parent: start of the process to the line its main prints
 * first, and to its exit. Timed outside the JVM so the probe loads nothing (such as the
 * management beans, which the agent would have loaded already) that would favour one variant.
 */
final class StartupTimer {

    /** A small heap without pre-touch: start-up should show the agent's cost, not the heap's. */
    static final List<String> FLAGS = List.of("-Xmx256m", "-XX:+UseG1GC");
    private static final long TIMEOUT_SECONDS = 60;

    private StartupTimer() {}

    static StartupRun run(Jdk jdk, Variant v, int round, int index) throws InterruptedException {
        Path dir = Paths.workDir("startup-" + v.label);
        List<String> command = new ArrayList<>();
        command.add(jdk.java().toString());
        command.addAll(FLAGS);
        command.addAll(v.jvmArgs(dir));
        command.addAll(List.of("-cp", Paths.testClasses().toString(), StartupProbe.class.getName()));
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile())
                .redirectError(dir.resolve("stderr.txt").toFile());
        long started = System.nanoTime();
        Process p;
        try {
            p = builder.start();
        } catch (IOException e) {
            return new StartupRun(v.label, round, index, Double.NaN, Double.NaN, "cannot start: " + e.getMessage());
        }
        Thread watchdog = new Thread(() -> {
            try {
                if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                }
            } catch (InterruptedException e) {
                p.destroyForcibly();
            }
        }, "startup-watchdog-" + p.pid());
        watchdog.setDaemon(true);
        watchdog.start();
        double toMain = Double.NaN;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
                if (line.equals(StartupProbe.LINE) && Double.isNaN(toMain)) {
                    toMain = (System.nanoTime() - started) / 1e6;
                }
            }
        } catch (IOException e) {
            // the process ended; its exit tells the rest
        }
        p.waitFor();
        double toExit = (System.nanoTime() - started) / 1e6;
        if (toExit >= TIMEOUT_SECONDS * 1000) {
            return new StartupRun(v.label, round, index, toMain, Double.NaN, "did not exit within " + TIMEOUT_SECONDS + " s");
        }
        String note = p.exitValue() != 0 ? "exited " + p.exitValue() : Double.isNaN(toMain) ? "main printed nothing" : "";
        return new StartupRun(v.label, round, index, toMain, toExit, note);
    }
}
