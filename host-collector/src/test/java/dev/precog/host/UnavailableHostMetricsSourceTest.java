package dev.precog.host;

import static org.assertj.core.api.Assertions.assertThat;

import dev.precog.model.HostSample;
import dev.precog.model.Metric;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

class UnavailableHostMetricsSourceTest {

    private static final double MIB = 1024 * 1024;

    @Test
    @EnabledOnOs(OS.LINUX)
    void readsThisProcessFromRealProc() {
        UnavailableHostMetricsSource source = new UnavailableHostMetricsSource("OSHI unavailable: test");

        HostSample sample = source.sample();

        assertThat(source.description()).isEqualTo("OSHI unavailable: test; reading /proc directly");
        assertThat(sample.values()).containsKeys(Metric.HOST_MEMORY_AVAILABLE, Metric.HOST_SWAP_TOTAL,
                Metric.HOST_SWAP_USED);
        double total = sample.values().get(Metric.HOST_MEMORY_TOTAL);
        assertThat(total).isPositive();
        assertThat(sample.values().get(Metric.PROCESS_RSS)).isGreaterThan(10 * MIB).isLessThan(total);
        assertThat(sample.values().get(Metric.PROCESS_THREADS)).isGreaterThanOrEqualTo(1);
        assertThat(sample.values().get(Metric.PROCESS_OPEN_FILES)).isPositive();
    }

    @Test
    void readsAProcTreeFromFixtures(@TempDir Path proc) throws IOException {
        Files.createDirectories(proc.resolve("self/fd"));
        Files.writeString(proc.resolve("self/status"), ProcfsParserTest.fixture("status-jvm.txt"));
        Files.writeString(proc.resolve("meminfo"), ProcfsParserTest.fixture("meminfo.txt"));
        for (int fd = 0; fd < 3; fd++) {
            Files.createFile(proc.resolve("self/fd/" + fd));
        }

        HostSample sample = new UnavailableHostMetricsSource("why", proc).sample();

        assertThat(sample.values())
                .containsEntry(Metric.PROCESS_RSS, 78_828 * 1024.0)
                .containsEntry(Metric.PROCESS_THREADS, 19.0)
                .containsEntry(Metric.HOST_MEMORY_TOTAL, 24_684_084 * 1024.0)
                .containsEntry(Metric.PROCESS_OPEN_FILES, 3.0)
                .hasSize(7);
    }

    @Test
    void withoutProcSaysSoAndSamplesNothing(@TempDir Path empty) {
        UnavailableHostMetricsSource source = new UnavailableHostMetricsSource("OSHI unavailable: test", empty);

        assertThat(source.description()).startsWith("OSHI unavailable: test; no readable ");
        assertThat(source.sample().values()).isEmpty();
    }
}
