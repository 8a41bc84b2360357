package dev.precog.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.precog.it.harness.Cli;
import dev.precog.it.harness.Jdk;
import dev.precog.it.harness.Paths;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Bad input to the command line: a one-line error naming the problem, a non-zero exit, no stack trace. */
class CliErrorsIT {

    private final Jdk jdk = Jdk.all().get(0);
    private final Path dir = Paths.workDir("cli");

    @Test
    void analyzeOfAMissingFileSaysSo() throws Exception {
        assertOneLineError(Cli.run(jdk, dir, "analyze", "no-such.jfr"), 1, "no-such.jfr does not exist");
    }

    @Test
    void analyzeOfAFileThatIsNotARecordingSaysSo() throws Exception {
        Path garbage = dir.resolve("garbage.jfr");
        byte[] bytes = new byte[64 * 1024];
        new Random(7).nextBytes(bytes);
        Files.write(garbage, bytes);
        assertOneLineError(Cli.run(jdk, dir, "analyze", garbage.toString()), 1, "is not a readable JFR recording");
    }

    @Test
    void analyzeOfATruncatedRecordingSaysSo() throws Exception {
        Path recording = dir.resolve("whole.jfr");
        Process p = new ProcessBuilder(jdk.java().toString(), "-XX:StartFlightRecording=filename=" + recording + ",settings=default",
                "-version").redirectErrorStream(true).redirectOutput(dir.resolve("version.txt").toFile()).start();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        byte[] whole = Files.readAllBytes(recording);
        Path truncated = dir.resolve("truncated.jfr");
        Files.write(truncated, java.util.Arrays.copyOf(whole, whole.length / 2));
        assertOneLineError(Cli.run(jdk, dir, "analyze", truncated.toString()), 1, "truncated.jfr");
    }

    @Test
    void analyzeOfADirectorySaysSo() throws Exception {
        assertOneLineError(Cli.run(jdk, dir, "analyze", dir.toString()), 1, "is a directory");
    }

    @Test
    void statusOfAPidWithNoProcessSaysSo() throws Exception {
        assertOneLineError(Cli.run(jdk, dir, "status", "999999999"), 1, "no process with pid 999999999");
    }

    @Test
    void statusOfAProcessThatIsNotAJvmSaysSo() throws Exception {
        Process sleep = new ProcessBuilder("sleep", "120").start();
        try {
            assertOneLineError(Cli.run(jdk, dir, "status", Long.toString(sleep.pid())), 1, "is not a JVM");
        } finally {
            sleep.destroyForcibly();
        }
    }

    @Test
    void attachWithANonNumericPidSaysSo() throws Exception {
        assertOneLineError(Cli.run(jdk, dir, "attach", "my-app"), 2, "'my-app' is not a pid");
    }

    @Test
    void attachWithABadOptionNamesIt() throws Exception {
        assertOneLineError(Cli.run(jdk, dir, "attach", "12345", "window=fast"), 2, "bad value 'fast' for window");
    }

    @Test
    void backtestAskedForProgressAndQuietAtOnceShowsItsUsage() throws Exception {
        assertOneLineError(Cli.run(jdk, dir, "backtest", "run.jfr", "--progress", "--quiet"), 2,
                "usage: backtest <file.jfr> [--out scores.json|-] [--window 10s] [--detail metric,...] [--progress|--quiet]");
    }

    @Test
    void backtestAskedForTheDetailOfAMetricItDoesNotForecastNamesTheOnesItDoes() throws Exception {
        assertOneLineError(Cli.run(jdk, dir, "backtest", "run.jfr", "--detail", "heap.used"), 2,
                "--detail: no forecast of heap.used; the metrics forecast are heap.usedAfterGc, ");
    }

    @Test
    void unknownCommandIsNamed() throws Exception {
        assertOneLineError(Cli.run(jdk, dir, "profile"), 2, "unknown command 'profile'");
    }

    private static void assertOneLineError(Cli.Result result, int exitCode, String expected) {
        assertThat(result.exitCode()).as(result.stdout() + result.stderr()).isEqualTo(exitCode);
        assertThat(result.stderr().lines().toList()).hasSize(1);
        assertThat(result.stderr()).startsWith("precog: ").contains(expected).doesNotContain("\tat ");
    }
}
