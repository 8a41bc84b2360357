package dev.precog.agent;

import static org.assertj.core.api.Assertions.assertThat;

import dev.precog.analyzer.detect.AnalysisContext;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ThreadLimitTest {

    private static final String LIMITS = String.join("\n",
            "Limit                     Soft Limit           Hard Limit           Units     ",
            "Max cpu time              unlimited            unlimited            seconds   ",
            "Max processes             4096                 96363                processes ",
            "Max open files            1048576              1048576              files     ", "");

    @TempDir
    Path dir;

    @Test
    void theLowestLimitWinsAndIsNamed() throws IOException {
        Path limits = Files.writeString(dir.resolve("limits"), LIMITS);
        Path pids = Files.writeString(dir.resolve("pids.max"), "1200\n");
        Path kernel = Files.writeString(dir.resolve("threads-max"), "192726\n");

        AnalysisContext.Limit limit = ThreadLimit.read(limits, List.of(dir.resolve("absent"), pids), kernel);

        assertThat(limit).isEqualTo(new AnalysisContext.Limit(1200, "cgroup pids.max"));
    }

    @Test
    void unlimitedValuesAreSkipped() throws IOException {
        Path limits = Files.writeString(dir.resolve("limits"), LIMITS.replace("4096  ", "unlimited"));
        Path pids = Files.writeString(dir.resolve("pids.max"), "max\n");
        Path kernel = Files.writeString(dir.resolve("threads-max"), "192726\n");

        assertThat(ThreadLimit.read(limits, List.of(pids), kernel))
                .isEqualTo(new AnalysisContext.Limit(192726, "kernel threads-max"));
        assertThat(ThreadLimit.maxProcesses(LIMITS)).hasValue(4096);
    }

    @Test
    void nothingReadableIsNoLimit() {
        assertThat(ThreadLimit.read(dir.resolve("a"), List.of(dir.resolve("b")), dir.resolve("c"))).isNull();
    }
}
