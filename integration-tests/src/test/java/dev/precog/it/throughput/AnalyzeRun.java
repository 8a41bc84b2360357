package dev.precog.it.throughput;

import dev.precog.it.harness.Jdk;
import dev.precog.it.harness.Paths;
import dev.precog.it.workload.ProcFields;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One {@code analyze} of a recording by the agent jar's CLI in a JVM of its own, as an operator
 * runs it, and what it cost: wall time from launch to exit, CPU time and peak resident set
 * (polled from /proc while it runs, so the last 50 ms of CPU may be missed), and the read rate the
 * CLI itself printed at the end of its progress.
 *
 * @param cpuSeconds user plus system CPU, NaN where /proc could not be read
 * @param peakRssBytes the resident set's high-water mark, 0 where /proc could not be read
 * @param readSeconds what the CLI's closing progress line says the read and analysis took (JVM
 *     start-up and report writing left out), NaN when it printed none
 * @param analysed the CLI's {@code Analysed 19 windows of 10.0s (...)} line: how long a stretch the
 *     file holds, which the cost per MB depends on as much as on its size
 */
record AnalyzeRun(String recording, long recordingBytes, String jdk, String heap, double wallSeconds, double cpuSeconds,
        long peakRssBytes, double readSeconds, String analysed) {

    private static final Duration TIMEOUT = Duration.ofMinutes(30);
    private static final long POLL_MILLIS = 50;
    private static final Pattern DONE = Pattern.compile(": done, [\\d,]+ MB in ([\\d.]+) s");

    /** Runs {@code analyze recording} on {@code jdk} with {@code -Xmx<heap>}; fails unless it exits 0. */
    static AnalyzeRun measure(Jdk jdk, String heap, Path recording, Path workDir, long ticksPerSecond)
            throws IOException, InterruptedException {
        Path report = workDir.resolve("report.json");
        Path out = workDir.resolve("analyze-out.txt");
        Path err = workDir.resolve("analyze-err.txt");
        List<String> command = List.of(jdk.java().toString(), "-Xmx" + heap, "-jar", Paths.agentJar().toString(),
                "analyze", recording.toString(), "--progress", "--out", report.toString());
        long started = System.nanoTime();
        Process p = new ProcessBuilder(command).directory(workDir.toFile()).redirectOutput(out.toFile()).redirectError(err.toFile())
                .start();
        long ticks = 0;
        long peakRss = 0;
        // A benchmark's polling, not a test's wait: /proc/<pid> goes with the process, so it is read while it lives.
        while (!p.waitFor(POLL_MILLIS, TimeUnit.MILLISECONDS)) {
            ticks = Math.max(ticks, ProcStat.cpuTicks(p.pid()));
            peakRss = Math.max(peakRss, ProcFields.bytes("/proc/" + p.pid() + "/status", "VmHWM"));
            if (System.nanoTime() - started > TIMEOUT.toNanos()) {
                p.destroyForcibly();
                throw new IllegalStateException("analyze did not finish within " + TIMEOUT);
            }
        }
        double wall = (System.nanoTime() - started) / 1e9;
        String stderr = Files.readString(err, StandardCharsets.UTF_8);
        if (p.exitValue() != 0) {
            throw new IllegalStateException("analyze exited " + p.exitValue() + ": " + stderr);
        }
        String analysed = Files.readAllLines(out, StandardCharsets.UTF_8).stream().filter(l -> l.startsWith("Analysed ")).findFirst()
                .orElse("");
        // nothing read from /proc (not Linux): unknown, not zero
        double cpu = ticks > 0 ? ticks / (double) ticksPerSecond : Double.NaN;
        return new AnalyzeRun(recording.getFileName().toString(), Files.size(recording), jdk.name(), heap, wall, cpu, peakRss,
                readSeconds(stderr), analysed);
    }

    /** The seconds of the CLI's closing line {@code reading x.jfr: done, 1,027 MB in 22.2 s, 46.3 MB/s}, NaN without one. */
    static double readSeconds(String stderr) {
        Matcher m = DONE.matcher(stderr);
        double seconds = Double.NaN;
        while (m.find()) {
            seconds = Double.parseDouble(m.group(1));
        }
        return seconds;
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%s, %s -Xmx%s: wall %.1f s, analysis %.1f s, CPU %.1f s, peak RSS %d MB", recording, jdk, heap,
                wallSeconds, readSeconds, cpuSeconds, peakRssBytes >> 20);
    }
}
