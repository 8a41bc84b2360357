package dev.precog.it.throughput;

import dev.precog.it.harness.Jdk;
import dev.precog.it.harness.Paths;
import dev.precog.it.overhead.MachineConditions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The analyzer-throughput benchmark (docs/benchmarks.md, "Analyzer throughput"): {@code analyze}
 * of a large real recording, timed on every test JDK and heap size, several runs each, reported as
 * MB/s with CPU time and peak memory. Makes the recording first ({@link ThroughputRecording}) when
 * the file is not there yet. Not a test; run it with {@link #COMMAND}.
 *
 * <p>System properties: {@code precog.throughput.out} (the recording, made when missing), {@code
 * precog.throughput.sizeMb} (its size when made, default 1024), {@code precog.throughput.jdk} (the
 * JDK home to make it on), {@code precog.throughput.runs} (default 5), {@code
 * precog.throughput.heaps} (default {@code 256m,32m}), {@code precog.throughput.more} (other
 * recordings to time the same way, comma-separated: a long sparse one costs per window rather than
 * per MB), {@code precog.throughput.page} (the Markdown written; the build passes
 * docs/analyzer-throughput.md), and {@code precog.test.jdks} as for the tests.
 */
public final class AnalyzerThroughput {

    static final String COMMAND = "./mvnw -B -Pthroughput -pl integration-tests -am verify -DskipTests"
            + " -Dprecog.throughput.out=/path/to/throughput-1g.jfr";
    private static final long MB = 1024 * 1024;

    private AnalyzerThroughput() {}

    public static void main(String[] args) throws Exception {
        Path recording = Path.of(System.getProperty("precog.throughput.out", "target/throughput-work/throughput.jfr")).toAbsolutePath();
        long sizeMb = Long.parseLong(System.getProperty("precog.throughput.sizeMb", "1024").trim());
        int runs = Integer.parseInt(System.getProperty("precog.throughput.runs", "5").trim());
        List<String> heaps = List.of(System.getProperty("precog.throughput.heaps", "256m,32m").split(","));
        Path page = Path.of(System.getProperty("precog.throughput.page", "target/analyzer-throughput.md")).toAbsolutePath();
        List<Jdk> jdks = Jdk.all();

        List<Path> recordings = new ArrayList<>(List.of(recording));
        for (String more : System.getProperty("precog.throughput.more", "").split(",")) {
            if (!more.isBlank()) {
                Path p = Path.of(more.trim()).toAbsolutePath();
                if (!Files.isRegularFile(p)) {
                    throw new IllegalArgumentException("precog.throughput.more: " + p + " is not a file");
                }
                recordings.add(p);
            }
        }
        if (Files.isRegularFile(recording)) {
            System.out.printf(Locale.ROOT, "[throughput] reusing %s (%d MB)%n", recording, Files.size(recording) / MB);
        } else {
            Files.createDirectories(recording.getParent());
            ThroughputRecording.record(ThroughputRecording.recordingJdk(), sizeMb * MB, recording);
        }
        Path workDir = Paths.workDir("analyzer-throughput");
        long ticksPerSecond = ProcStat.ticksPerSecond();
        MachineConditions machine = MachineConditions.atStart();
        String when = ZonedDateTime.now().format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm z", Locale.ROOT));
        List<AnalyzeRun> results = new ArrayList<>();
        // round by round, so load from elsewhere on the machine falls on every recording, JDK and heap alike
        for (int round = 1; round <= runs; round++) {
            for (Path file : recordings) {
                for (Jdk jdk : jdks) {
                    for (String heap : heaps) {
                        AnalyzeRun run = AnalyzeRun.measure(jdk, heap.trim(), file, workDir, ticksPerSecond);
                        System.out.printf(Locale.ROOT, "[throughput] round %d/%d: %s%n", round, runs, run);
                        results.add(run);
                    }
                }
            }
        }
        String md = ThroughputPage.render(when, COMMAND, machine.atEnd(), results);
        Files.createDirectories(page.getParent());
        Files.writeString(page, md);
        System.out.println(md);
        System.out.println("[throughput] written to " + page);
    }
}
