package dev.precog.it.throughput;

import static org.assertj.core.api.Assertions.assertThat;

import dev.precog.it.overhead.MachineConditions;
import java.util.List;
import org.junit.jupiter.api.Test;

class ThroughputPageTest {

    private static final long MB = 1024 * 1024;
    private static final String ANALYSED = "Analysed 19 windows of 10.0s (2026-12-04T18:50:20Z to 2026-12-04T18:53:30Z)";
    private static final MachineConditions MACHINE = new MachineConditions(2, 24L << 30, "Linux", "Some CPU", 1.5, 2.25);

    private static AnalyzeRun dense(String jdk, String heap, double wall, double cpu, long rssMb, double analysis) {
        return new AnalyzeRun("dense.jfr", 1000 * MB, jdk, heap, wall, cpu, rssMb * MB, analysis, ANALYSED);
    }

    @Test
    void aRowPerJdkAndHeapWithTheMedianAndRangeOfItsRuns() {
        List<AnalyzeRun> runs = List.of(
                dense("jdk17", "256m", 25.0, 12.0, 240, 20.0),
                dense("jdk17", "32m", 32.0, 13.5, 106, 30.0),
                dense("jdk17", "256m", 21.0, 12.4, 242, 16.0),
                dense("jdk17", "32m", 31.0, 13.0, 104, 28.0),
                dense("jdk17", "256m", 22.0, 12.2, 244, 17.0));

        String md = ThroughputPage.render("2026-12-04 19:00 UTC", "./mvnw -Pthroughput", MACHINE, runs);

        assertThat(md).contains("Made by `./mvnw -Pthroughput`").contains("load average 1.5 at the start, 2.3 at the end")
                .contains("### `dense.jfr`, 1,000 MB").contains("What the CLI said of it: " + ANALYSED + ".");
        assertThat(md).contains("| jdk17 | `-Xmx256m` | 3 | 22.0 s (21.0–25.0 s) | 45.45 (40.00–47.62) | 17.0 s (16.0–20.0 s)"
                + " | 58.82 (50.00–62.50) | 12.2 s (12.0–12.4 s) | 242 MB (240–244 MB) |");
        assertThat(md).contains("| jdk17 | `-Xmx32m` | 2 | 31.5 s (31.0–32.0 s) |");
        assertThat(md.indexOf("-Xmx256m")).isLessThan(md.indexOf("-Xmx32m"));
    }

    @Test
    void eachRecordingHasItsOwnTableAndRate() {
        List<AnalyzeRun> runs = List.of(
                dense("jdk17", "256m", 20.0, 12.0, 240, 16.0),
                new AnalyzeRun("long.jfr", 8 * MB, "jdk17", "256m", 32.0, 15.5, 200 * MB, 30.0, "Analysed 241 windows of 10.0s"),
                dense("jdk17", "256m", 20.0, 12.0, 240, 16.0),
                new AnalyzeRun("long.jfr", 8 * MB, "jdk17", "256m", 32.0, 15.5, 200 * MB, 30.0, "Analysed 241 windows of 10.0s"));

        String md = ThroughputPage.render("now", "./mvnw -Pthroughput", MACHINE, runs);

        assertThat(md.indexOf("### `dense.jfr`")).isLessThan(md.indexOf("### `long.jfr`, 8 MB"));
        assertThat(md.substring(md.indexOf("### `long.jfr`"))).contains("Analysed 241 windows of 10.0s.")
                .contains("| jdk17 | `-Xmx256m` | 2 | 32.0 s (32.0–32.0 s) | 0.25 (0.25–0.25) |");
    }

    @Test
    void aRunWithoutTheClisClosingLineShowsNotApplicableNotZero() {
        List<AnalyzeRun> runs = List.of(dense("jdk25", "256m", 26.0, 11.0, 243, Double.NaN));

        String md = ThroughputPage.render("now", "./mvnw -Pthroughput", MACHINE, runs);

        assertThat(md).contains("| jdk25 | `-Xmx256m` | 1 | 26.0 s | 38.46 | n/a | n/a | 11.0 s | 243 MB |");
        // without /proc (not Linux) the CPU and the resident set are unknown, not zero
        assertThat(ThroughputPage.render("now", "./mvnw -Pthroughput", MACHINE,
                List.of(dense("jdk25", "256m", 26.0, Double.NaN, 0, 20.0)))).contains("| 20.0 s | 50.00 | n/a | n/a |");
    }

    @Test
    void theClisClosingLineGivesTheAnalysisTime() {
        String stderr = """
                reading t.jfr: 500 of 1,027 MB (49%), 45.0 MB/s, 12 s left
                reading t.jfr: done, 1,027 MB in 22.2 s, 46.3 MB/s
                """;

        assertThat(AnalyzeRun.readSeconds(stderr)).isEqualTo(22.2);
        assertThat(AnalyzeRun.readSeconds("reading t.jfr: 500 of 1,027 MB (49%), 45.0 MB/s, 12 s left\n")).isNaN();
    }

    @Test
    void cpuTicksAreCountedFromTheLastParenthesisOfTheCommandName() {
        String stat = "4242 (java (my) app) S 1 4242 4242 0 -1 4194560 60000 0 0 0 1234 56 0 0 20 0 30 0 100 0 0";

        assertThat(ProcStat.cpuTicks(stat)).isEqualTo(1234 + 56);
    }
}
