package dev.precog.it.overhead;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.precog.it.harness.ChildJvm;
import dev.precog.it.harness.Jdk;
import dev.precog.it.harness.Paths;
import dev.precog.it.workload.BenchOutput;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs one workload once in one variant in a fresh JVM and reads back what it measured. */
final class WorkloadRunner {

    private static final String PREFIX = "precog-bench ";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private WorkloadRunner() {}

    static BenchRun run(Jdk jdk, BenchWorkload w, Variant v, int round, int position) throws InterruptedException {
        Path dir = Paths.workDir("bench-" + w.name() + "-" + v.label + "-r" + round);
        List<String> jvmArgs = new ArrayList<>(BenchWorkload.HEAP_FLAGS);
        jvmArgs.addAll(v.jvmArgs(dir));
        jvmArgs.add("-D" + BenchOutput.LAUNCHED_AT_PROPERTY + "=" + System.currentTimeMillis());
        ChildJvm.Builder builder = ChildJvm.on(jdk, dir).jvmArgs(jvmArgs.toArray(String[]::new));
        w.classPath().forEach(builder::classPath);
        long started = System.nanoTime();
        String note = "";
        Map<String, Double> values;
        int exit;
        try (ChildJvm child = builder.start(w.mainClass(), w.args().toArray(String[]::new))) {
            if (!child.awaitExit(Duration.ofSeconds(w.timeoutSeconds()))) {
                note = "did not finish within " + w.timeoutSeconds() + " s" + threadDump(jdk, child.pid(), dir);
            }
            exit = child.stop();
            values = values(child.stdout());
            if (note.isEmpty() && exit != 0) {
                note = "exited " + exit + ": " + child.stderr().lines().filter(l -> !l.isBlank()).findFirst().orElse("no message");
            }
        }
        double jvmSeconds = (System.nanoTime() - started) / 1e9;
        AgentCost agent = v == Variant.PRECOG ? agentCost(dir) : null;
        if (v == Variant.PRECOG && agent == null && note.isEmpty()) {
            note = "the agent wrote no report";
        }
        deleteRecording(dir);
        Map<String, Double> details = new LinkedHashMap<>(values);
        List.of("work", "seconds", "cpuSeconds", "heapAfterGcBytes", "nonHeapBytes", "rssBytes").forEach(details::remove);
        return new BenchRun(w.name(), v.label, round, position, get(values, "work"), get(values, "seconds"),
                get(values, "cpuSeconds"), (long) get(values, "heapAfterGcBytes"), (long) get(values, "nonHeapBytes"),
                (long) get(values, "rssBytes"), jvmSeconds, agent, details, note);
    }

    /**
     * A thread dump of a run that hangs, before it is killed: a javac run with Precog on JDK 25 once
     * finished its compile and then did not exit, and nothing said where it was stuck.
     */
    private static String threadDump(Jdk jdk, long pid, Path dir) {
        Path file = dir.resolve("threads-at-timeout.txt");
        try {
            Process p = new ProcessBuilder(jdk.home().resolve("bin/jcmd").toString(), Long.toString(pid), "Thread.print", "-l")
                    .redirectErrorStream(true).redirectOutput(file.toFile()).start();
            return p.waitFor(60, TimeUnit.SECONDS) ? " (threads in " + file + ")" : " (no thread dump within 60 s)";
        } catch (IOException e) {
            return " (no thread dump: " + e.getMessage() + ")";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return " (no thread dump: interrupted)";
        }
    }

    /** The {@code precog-bench key=value} lines of a workload's output. */
    static Map<String, Double> values(String stdout) {
        Map<String, Double> out = new LinkedHashMap<>();
        stdout.lines().filter(l -> l.startsWith(PREFIX)).forEach(l -> {
            String[] kv = l.substring(PREFIX.length()).split("=", 2);
            out.put(kv[0].trim(), Double.parseDouble(kv[1].trim()));
        });
        return out;
    }

    private static double get(Map<String, Double> values, String key) {
        return values.getOrDefault(key, Double.NaN);
    }

    /** The agent's cost from the report it wrote last (at shutdown), or null. */
    private static AgentCost agentCost(Path dir) {
        try (var files = Files.list(dir)) {
            Path report = files.filter(p -> p.getFileName().toString().matches("precog-report-\\d+\\.json")).findFirst().orElse(null);
            if (report == null) {
                return null;
            }
            JsonNode agent = MAPPER.readTree(report.toFile()).path("agent");
            return agent.isMissingNode() ? null : AgentCost.from(agent);
        } catch (IOException e) {
            return null;
        }
    }

    /** JFR's and async-profiler's recordings are not looked at; they would only fill the disk over many runs. */
    private static void deleteRecording(Path dir) {
        try (var files = Files.list(dir)) {
            for (Path p : files.filter(f -> f.getFileName().toString().endsWith(".jfr")).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            // left for the build's clean
        }
    }
}
