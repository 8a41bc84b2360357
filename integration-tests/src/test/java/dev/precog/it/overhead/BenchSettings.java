package dev.precog.it.overhead;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What the overhead benchmark runs, from system properties ({@code precog.bench.*}), with the
 * locations of the third-party workloads the build fetched.
 *
 * @param workloads which workloads run ("javac", "h2")
 * @param rounds rounds; each runs every workload once in every variant, in a random order
 * @param javacCompiles compiles per javac run; the first two warm up and the rest are measured together (with fewer, the
 *     last; 1: only a cold JVM, as a build that forks javac; the default 5 measures three compiles of a warm one, as Maven's
 *     in-process compiler and Gradle's daemon run it, and still reports the first compile, the cold JVM, on its own)
 * @param h2Threads threads running transactions
 * @param h2Scale TPC-B scale (branches)
 * @param h2WarmupSeconds H2 warm-up before the measured time
 * @param h2Seconds H2 measured time
 * @param startupRuns start-up probes per variant, spread over the rounds
 * @param seed seed of the variants' order and of the bootstrap
 * @param javacSources the unpacked source tree javac compiles
 * @param javacClassPath a directory with the jars those sources compile against
 * @param h2Jar H2's jar
 * @param page the Markdown page to write; the raw runs go beside it as .json
 */
record BenchSettings(Set<String> workloads, int rounds, int javacCompiles, int h2Threads, int h2Scale, int h2WarmupSeconds,
        int h2Seconds, int startupRuns, long seed, Path javacSources, Path javacClassPath, Path h2Jar, Path page) {

    static final String COMMAND = "./mvnw -B -Pbench -pl integration-tests -am verify -DskipTests";
    static final BenchSettings DEFAULTS = new BenchSettings(new LinkedHashSet<>(List.of("javac", "h2")), 5, 5, 4, 4, 10, 30, 20,
            42, null, null, null, null);

    static BenchSettings fromSystemProperties() {
        BenchSettings d = DEFAULTS;
        Set<String> workloads = new LinkedHashSet<>();
        for (String w : System.getProperty("precog.bench.workloads", String.join(",", d.workloads())).split(",")) {
            if (!w.isBlank()) {
                if (!d.workloads().contains(w.trim())) {
                    throw new IllegalArgumentException("precog.bench.workloads names '" + w.trim() + "'; known: " + d.workloads());
                }
                workloads.add(w.trim());
            }
        }
        return new BenchSettings(workloads, intProperty("rounds", d.rounds()), intProperty("javacCompiles", d.javacCompiles()),
                intProperty("h2Threads", d.h2Threads()), intProperty("h2Scale", d.h2Scale()),
                intProperty("h2WarmupSeconds", d.h2WarmupSeconds()), intProperty("h2Seconds", d.h2Seconds()),
                intProperty("startupRuns", d.startupRuns()), Long.parseLong(System.getProperty("precog.bench.seed", "" + d.seed())),
                Path.of(required("precog.bench.javacSources")), Path.of(required("precog.bench.javacClassPath")),
                Path.of(required("precog.bench.h2Jar")),
                Path.of(System.getProperty("precog.bench.page", "../docs/overhead.md")).toAbsolutePath().normalize());
    }

    /** The command that reruns exactly this, naming every property that is not its default. */
    String command(String jdks) {
        List<String> props = new ArrayList<>();
        if (!workloads.equals(DEFAULTS.workloads())) {
            props.add("-Dprecog.bench.workloads=" + String.join(",", workloads));
        }
        add(props, "rounds", rounds, DEFAULTS.rounds());
        add(props, "javacCompiles", javacCompiles, DEFAULTS.javacCompiles());
        add(props, "h2Threads", h2Threads, DEFAULTS.h2Threads());
        add(props, "h2Scale", h2Scale, DEFAULTS.h2Scale());
        add(props, "h2WarmupSeconds", h2WarmupSeconds, DEFAULTS.h2WarmupSeconds());
        add(props, "h2Seconds", h2Seconds, DEFAULTS.h2Seconds());
        add(props, "startupRuns", startupRuns, DEFAULTS.startupRuns());
        add(props, "seed", seed, DEFAULTS.seed());
        if (!jdks.equals("auto")) {
            props.add("-Dprecog.test.jdks=" + jdks);
        }
        return props.isEmpty() ? COMMAND : COMMAND + " \\\n  " + String.join(" ", props);
    }

    private static void add(List<String> props, String name, long value, long defaultValue) {
        if (value != defaultValue) {
            props.add("-Dprecog.bench." + name + "=" + value);
        }
    }

    private static int intProperty(String name, int defaultValue) {
        int v = Integer.parseInt(System.getProperty("precog.bench." + name, "" + defaultValue).trim());
        if (v < 1) {
            throw new IllegalArgumentException("precog.bench." + name + " must be at least 1, not " + v);
        }
        return v;
    }

    private static String required(String name) {
        String v = System.getProperty(name);
        if (v == null || v.isBlank()) {
            throw new IllegalStateException(name + " is not set: run the benchmark with " + COMMAND);
        }
        return v;
    }
}
