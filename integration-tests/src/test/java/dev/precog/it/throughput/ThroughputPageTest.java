package dev.precog.it.throughput;

import static org.assertj.core.api.Assertions.assertThat;

import dev.precog.it.overhead.MachineConditions;
import java.util.List;
import org.junit.jupiter.api.Test;

class ThroughputPageTest {

    private static final long MB = 1024 * 1024;
    private static final MachineConditions MACHINE = new MachineConditions(2, 24L << 30, "Linux", "Some CPU", 1.5, 2.25);

    @Test
    void aRowPerJdkAndHeapWithTheMedianAndRangeOfItsRuns() {
        List<AnalyzeRun> runs = List.of(
                new AnalyzeRun("jdk17", "256m", 25.0, 12.0, 240 * MB, 20.0),
                new AnalyzeRun("jdk17", "32m", 32.0, 13.5, 106 * MB, 30.0),
                new AnalyzeRun("jdk17", "256m", 21.0, 12.4, 242 * MB, 16.0),
                new AnalyzeRun("jdk17", "32m", 31.0, 13.0, 104 * MB, 28.0),
                new AnalyzeRun("jdk17", "256m", 22.0, 12.2, 244 * MB, 17.0));

        String md = ThroughputPage.render("2026-12-04 19:00 UTC", "t.jfr", 1000 * MB, MACHINE, runs);

        assertThat(md).contains("`t.jfr`, 1,000 MB").contains("load average 1.5 at the start, 2.3 at the end");
        assertThat(md).contains("| jdk17 | `-Xmx256m` | 3 | 22.0 s (21.0–25.0 s) | 45.5 (40.0–47.6) | 17.0 s (16.0–20.0 s)"
                + " | 58.8 (50.0–62.5) | 12.2 s (12.0–12.4 s) | 242 MB (240–244 MB) |");
        assertThat(md).contains("| jdk17 | `-Xmx32m` | 2 | 31.5 s (31.0–32.0 s) |");
        assertThat(md.indexOf("-Xmx256m")).isLessThan(md.indexOf("-Xmx32m"));
    }

    @Test
    void aRunWithoutTheClisClosingLineShowsNotApplicableNotZero() {
        List<AnalyzeRun> runs = List.of(new AnalyzeRun("jdk25", "256m", 26.0, 11.0, 243 * MB, Double.NaN));

        String md = ThroughputPage.render("now", "t.jfr", 1000 * MB, MACHINE, runs);

        assertThat(md).contains("| jdk25 | `-Xmx256m` | 1 | 26.0 s | 38.5 | n/a | n/a | 11.0 s | 243 MB |");
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
