package dev.precog.it.overhead;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OverheadPageTest {

    private static final long MB = 1024 * 1024;

    /** Three rounds of h2 where Precog is 2% slower than no agent and JFR 1% slower, and keeps 20 MB more. */
    static JdkResults results(String jdk) {
        List<BenchRun> runs = new ArrayList<>();
        for (int round = 1; round <= 3; round++) {
            double tx = 1000 * round;
            runs.add(run("none", round, tx, 100 * MB, null));
            runs.add(run("jfr", round, tx * 0.99, 105 * MB, null));
            runs.add(run("precog", round, tx * 0.98, 120 * MB, new AgentCost(40_000, 400, 0.01, 0.005, 80 * MB, 5000, 0)));
        }
        List<StartupRun> startups = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            startups.add(new StartupRun("none", 1, i, 80, 100, ""));
            startups.add(new StartupRun("jfr", 1, i, 400, 500, ""));
            startups.add(new StartupRun("precog", 1, i, 330, 400, ""));
        }
        BenchSettings settings = new BenchSettings(new LinkedHashSet<>(List.of("h2")), 3, 2, 4, 4, 10, 30, 3, 42,
                Path.of("guava-src"), Path.of("guava-cp"), Path.of("h2.jar"), Path.of("overhead.md"));
        return new JdkResults(jdk, "17.0.15", "2026-12-02T01:00:00Z", "2026-12-02T01:30:00Z", BenchSettings.COMMAND, settings,
                List.of("h2: H2 in memory"), new MachineConditions(2, 24L << 30, "Linux", "AMD EPYC", 1.5, 2.5), runs, startups);
    }

    /** The page of {@link #results}' JDK with {@code runs} of the workloads {@code descriptions} name instead of its own. */
    private static String page(List<String> descriptions, List<BenchRun> runs) {
        JdkResults r = results("jdk17");
        return OverheadPage.markdown(new OverheadResults(List.of(new JdkResults(r.jdk(), r.javaVersion(), r.startedAt(),
                r.finishedAt(), r.command(), r.settings(), descriptions, r.machine(), runs, r.startupRuns()))));
    }

    private static BenchRun run(String variant, int round, double transactions, long rss, AgentCost agent) {
        return new BenchRun("h2", variant, round, 1, transactions, 1.0, transactions * 0.0002, 10 * MB, 40 * MB, rss, 45, agent,
                Map.of(), "");
    }

    @Test
    void throughputChangesAreRoundByRoundRatios() {
        String md = OverheadPage.markdown(new OverheadResults(List.of(results("jdk17"))));

        assertThat(md).contains("| h2 (transactions/s, measured) | none | 3 | 2000.0 |");
        assertThat(md).contains("|  | precog | 3 | 1960.0 | 1470.0–2450.0 | 980.0–2940.0 | -2.00% (-2.00% to -2.00%) | -1.01% (-1.01% to -1.01%) |");
    }

    @Test
    void goalsSayWhatWasMissedAndByHowMuch() {
        String md = OverheadPage.markdown(new OverheadResults(List.of(results("jdk17"))));

        assertThat(md).contains("| throughput within 1% of no agent | h2 | 2.00% (2.00% to 2.00%) | missed by 1.00% |");
        assertThat(md).contains("| agent memory under 30 MB | h2 | 20 MB (20 MB to 20 MB) | met |");
        assertThat(md).contains("| start-up delay under 300 ms | start-up probe (time to main) | 250 ms (250 ms to 250 ms) | met |");
        assertThat(md).contains("| h2 | 3 | 1.00% | 0.50% | 400 ms | 2.00 MB/s | 5000 | 0 |");
    }

    @Test
    void aColdFirstCompileIsJudgedBesideTheWarmMeasuredOne() {
        List<BenchRun> runs = new ArrayList<>();
        for (int round = 1; round <= 3; round++) {
            // the agent's start-up falls in the first compile: 5% slower there, 0.3% in the measured third
            runs.add(javac("none", round, 20.0, 10.0));
            runs.add(javac("jfr", round, 20.0 / 0.99, 10.0));
            runs.add(javac("precog", round, 20.0 / 0.95, 10.0 / 0.997));
        }
        String md = page(List.of("javac"), runs);

        assertThat(md).contains("| throughput within 1% of no agent | javac | 0.30% (0.30% to 0.30%) | met |");
        assertThat(md).contains("| throughput within 1% of no agent | javac, first compile (cold JVM) | 5.00% (5.00% to 5.00%) | missed by 4.00% |");
        assertThat(md).contains("| javac (source files/s, first compile: cold JVM) | none | 3 | 50.0 |");
        assertThat(md).contains("| javac (CPU ms per source file, first compile: cold JVM) | none | 3 | 20.000 |");
    }

    /** A javac run of three compiles of 1000 source files, the first taking {@code coldSeconds}, the measured last {@code seconds}. */
    private static BenchRun javac(String variant, int round, double coldSeconds, double seconds) {
        return new BenchRun("javac", variant, round, 1, 1000, seconds, seconds * 2, 10 * MB, 40 * MB, 100 * MB, 45, null,
                Map.of("compile1Seconds", coldSeconds, "compile1CpuSeconds", coldSeconds, "compile2Seconds", 12.0,
                        "compile3Seconds", seconds), "");
    }

    @Test
    void plainJfrsStartUpBeforeMainCountsFromTheLaunch() {
        List<BenchRun> runs = new ArrayList<>();
        for (int round = 1; round <= 3; round++) {
            // plain JFR starts in 1.5 s before main, the agent in 1.05 s and then slows the first compile by 2%
            runs.add(forkedJavac("none", round, 1.0, 20.0));
            runs.add(forkedJavac("jfr", round, 1.5, 20.0));
            runs.add(forkedJavac("precog", round, 1.05, 20.4));
        }
        String md = page(List.of("javac"), runs);

        assertThat(md).contains("| throughput within 0.5% of plain JFR | javac, first compile (cold JVM) | 1.96% (1.96% to 1.96%) | missed by 1.46% |");
        assertThat(md).contains("| throughput within 0.5% of plain JFR | javac, launch to the end of the first compile (a forked javac)"
                + " | -0.23% (-0.23% to -0.23%) | met |");
        assertThat(md).contains("| throughput within 1% of no agent | javac, launch to the end of the first compile (a forked javac)"
                + " | 2.10% (2.10% to 2.10%) | missed by 1.10% |");
        assertThat(md).contains("| javac (source files/s, launch to the end of the first compile) | none | 3 | 47.6 |");
    }

    /** A javac run whose first compile of 1000 files took {@code coldSeconds} and ended {@code startSeconds} later than that after launch. */
    private static BenchRun forkedJavac(String variant, int round, double startSeconds, double coldSeconds) {
        return new BenchRun("javac", variant, round, 1, 3000, 30.0, 60.0, 10 * MB, 40 * MB, 100 * MB, 80, null,
                Map.of("compile1Seconds", coldSeconds, "compile1CpuSeconds", coldSeconds, "compile2Seconds", 12.0,
                        "compileFiles", 1000.0, "compile1EndSinceLaunchSeconds", startSeconds + coldSeconds), "");
    }

    @Test
    void aMeasuredPhaseOfSeveralCompilesLeavesTheColdRowsPerOneCompile() {
        List<BenchRun> runs = new ArrayList<>();
        for (int round = 1; round <= 3; round++) {
            for (String variant : List.of("none", "jfr", "precog")) {
                // five compiles of 1000 files: the first (cold) 20 s, the three measured 10 s each
                runs.add(new BenchRun("javac", variant, round, 1, 3000, 30.0, 60.0, 10 * MB, 40 * MB, 100 * MB, 80, null,
                        Map.of("compile1Seconds", 20.0, "compile1CpuSeconds", 20.0, "compile2Seconds", 12.0, "compileFiles", 1000.0),
                        ""));
            }
        }
        String md = page(List.of("javac"), runs);

        assertThat(md).contains("| javac (source files/s, measured) | none | 3 | 100.0 |");
        assertThat(md).contains("| javac (source files/s, first compile: cold JVM) | none | 3 | 50.0 |");
        assertThat(md).contains("| javac (CPU ms per source file, first compile: cold JVM) | none | 3 | 20.000 |");
    }

    @Test
    void theJavacWorkloadSaysWhichCompilesItMeasures() {
        assertThat(BenchWorkload.measuredCompiles(1)).isEqualTo("once, in a cold JVM");
        assertThat(BenchWorkload.measuredCompiles(3)).isEqualTo("3 times in one JVM; the last compile is measured");
        assertThat(BenchWorkload.measuredCompiles(5)).isEqualTo("5 times in one JVM; compiles 3 to 5 are measured together");
    }

    /** The agent's threads used 0.4% of the process's CPU in the measured phase, by the workload's own reading. */
    @Test
    void theAgentsShareOfTheMeasuredPhaseIsReadFromTheWorkloadsSide() {
        List<BenchRun> runs = new ArrayList<>();
        for (int round = 1; round <= 3; round++) {
            double cpu = 0.2 * round;
            runs.add(new BenchRun("h2", "precog", round, 1, 1000 * round, 1.0, cpu, 10 * MB, 40 * MB, 120 * MB, 45,
                    new AgentCost(40_000, 400, 0.01, 0.005, 80 * MB, 5000, 0), Map.of("agentCpuSeconds", 0.004 * cpu), ""));
        }
        String md = page(List.of("h2: H2 in memory"), runs);

        assertThat(md).contains("| h2 | 3 | 1.00% | 0.50% | 400 ms | 2.00 MB/s | 5000 | 0 | 0.40% | n/a |");
    }

    @Test
    void aRerunReplacesItsOwnJdkAndKeepsTheOthersInOrder() {
        OverheadResults before = new OverheadResults(List.of(results("jdk25"), results("jdk17")));

        OverheadResults after = before.with(results("jdk17")).with(results("jdk21"));

        assertThat(after.jdks()).extracting(JdkResults::jdk).containsExactly("jdk17", "jdk21", "jdk25");
    }

    @Test
    void theCommandNamesOnlyWhatIsNotTheDefault() {
        BenchSettings d = BenchSettings.DEFAULTS;
        BenchSettings shorter = new BenchSettings(new LinkedHashSet<>(List.of("h2")), 2, d.javacCompiles(), d.h2Threads(),
                d.h2Scale(), d.h2WarmupSeconds(), d.h2Seconds(), d.startupRuns(), d.seed(), null, null, null, null);

        assertThat(d.command("auto")).isEqualTo(BenchSettings.COMMAND);
        assertThat(shorter.command("none")).isEqualTo(BenchSettings.COMMAND
                + " \\\n  -Dprecog.bench.workloads=h2 -Dprecog.bench.rounds=2 -Dprecog.test.jdks=none");
    }

    @Test
    void eachPeerIsComparedWithPrecogWhenItRanAndLeftOutWhenItDidNot() {
        JdkResults r = results("jdk17");
        List<BenchRun> runs = new ArrayList<>(r.runs());
        List<StartupRun> startups = new ArrayList<>(r.startupRuns());
        for (int round = 1; round <= 3; round++) {
            // the OpenTelemetry agent 4% slower than no agent, 50 MB more kept; async-profiler 1% slower, 10 MB more
            runs.add(run("otel", round, 1000 * round * 0.96, 150 * MB, null));
            runs.add(run("asprof", round, 1000 * round * 0.99, 110 * MB, null));
        }
        for (int i = 1; i <= 3; i++) {
            startups.add(new StartupRun("otel", 1, i, 1480, 1700, ""));
            startups.add(new StartupRun("asprof", 1, i, 400, 600, ""));
        }
        String withPeer = OverheadPage.markdown(new OverheadResults(List.of(new JdkResults(r.jdk(), r.javaVersion(), r.startedAt(),
                r.finishedAt(), r.command(), r.settings(), r.workloadDescriptions(), r.machine(), runs, startups))));
        String without = OverheadPage.markdown(new OverheadResults(List.of(r)));

        assertThat(withPeer).contains("`otel` -javaagent:opentelemetry-javaagent.jar -Dotel.service.name=precog-bench")
                .contains("|  | otel | 3 | 1920.0 |")
                .contains("-4.00% (-4.00% to -4.00%) | -3.03% (-3.03% to -3.03%) |")
                .contains("### Against the OpenTelemetry Java agent")
                // Precog 2% slower than none, the peer 4%: Precog 2.08% faster than the peer
                .contains("| throughput, measured | h2 | +2.08% (+2.08% to +2.08%) |")
                .contains("| memory kept (heap after GC + RSS), MB | h2 | -30.0 (-30.0 to -30.0) |")
                .contains("| start-up, time to main, ms | start-up probe | -1150 (-1150 to -1150) |")
                .contains("`asprof` -agentpath:libasyncProfiler.so=start,event=itimer,interval=10ms,alloc=512k,lock=10ms,jfr,loop=10s,"
                        + "file=asprof-%t.jfr")
                .contains("### Against async-profiler as a continuous profiler")
                // Precog 2% slower than none, async-profiler 1%: Precog 1.01% slower than it
                .contains("| throughput, measured | h2 | -1.01% (-1.01% to -1.01%) |")
                .contains("| memory kept (heap after GC + RSS), MB | h2 | +10.0 (+10.0 to +10.0) |")
                .contains("| start-up, time to main, ms | start-up probe | -70 (-70 to -70) |");
        assertThat(withPeer.indexOf("### Against the OpenTelemetry Java agent"))
                .isLessThan(withPeer.indexOf("### Against async-profiler"));
        assertThat(without).doesNotContain("| otel |").doesNotContain("`otel` -javaagent").doesNotContain("| asprof |")
                .doesNotContain("Against the OpenTelemetry Java agent").doesNotContain("Against async-profiler");
    }
}
