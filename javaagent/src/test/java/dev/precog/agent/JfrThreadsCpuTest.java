package dev.precog.agent;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JfrThreadsCpuTest {

    /** A real line from /proc/<pid>/task/<tid>/stat of JDK 25's sampler thread (utime 7, stime 3). */
    static final String SAMPLER_STAT = "19725 (JFR Sampler Thr) S 19667 19640 19640 0 -1 1077936192 0 0 0 0 7 3 0 0 20 0 47 0"
            + " 1052760 3958034432 11329 18446744073709551615 1 1 0 0 0 0 4 0 17922 0 0 0 -1 1 0 0 0 0 0 0 0 0 0 0 0 0 0";

    @Test
    void ticksAreCountedAfterTheNameEvenWhenItHoldsSpacesAndParentheses() {
        assertThat(JfrThreadsCpu.userPlusSystemTicks(SAMPLER_STAT)).isEqualTo(10);
        assertThat(JfrThreadsCpu.userPlusSystemTicks(SAMPLER_STAT.replace("(JFR Sampler Thr)", "(a) b (c)"))).isEqualTo(10);
    }

    @Test
    void theNativeSamplerIsReadFromProcAndCountsFromWhenItWasFound(@TempDir Path tasks) throws IOException {
        Path sampler = Files.createDirectories(tasks.resolve("19725"));
        Files.writeString(sampler.resolve("comm"), "JFR Sampler Thr\n");
        Files.writeString(sampler.resolve("stat"), SAMPLER_STAT);
        Path other = Files.createDirectories(tasks.resolve("19726"));
        Files.writeString(other.resolve("comm"), "C2 CompilerThre\n");
        Files.writeString(other.resolve("stat"), SAMPLER_STAT.replace(" 7 3 ", " 900 900 "));
        JfrThreadsCpu cpu = new JfrThreadsCpu(tasks);
        long first = cpu.cpuNanos(0);
        assertThat(first).as("found now: counts from here").isGreaterThanOrEqualTo(0);
        Files.writeString(sampler.resolve("stat"), SAMPLER_STAT.replace(" 7 3 ", " 12 5 "));
        assertThat(cpu.cpuNanos(1) - first).as("7 more ticks of 10 ms, the compiler thread not counted")
                .isGreaterThanOrEqualTo(70_000_000L).isLessThan(80_000_000L);
    }
}
