package dev.precog.host;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.precog.model.HostSample;
import dev.precog.model.Metric;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

class ProcfsHostMetricsSourceTest {

    private static final double MIB = 1024 * 1024;

    @Test
    @EnabledOnOs(OS.LINUX)
    void readsThisProcessFromRealProc() throws InterruptedException {
        ProcfsHostMetricsSource source = new ProcfsHostMetricsSource("test");

        HostSample first = source.sample();
        Thread.sleep(200); // CPU load needs ticks (10 ms each at the usual 100 Hz) to elapse in between
        HostSample second = source.sample();

        assertThat(source.description()).isEqualTo("procfs (test)");
        assertThat(first.values()).doesNotContainKey(Metric.HOST_CPU);
        Map<Metric, Double> values = second.values();
        assertThat(values.get(Metric.HOST_CPU)).isBetween(0.0, 1.0);
        double total = values.get(Metric.HOST_MEMORY_TOTAL);
        assertThat(total).isPositive();
        assertThat(values.get(Metric.HOST_MEMORY_AVAILABLE)).isBetween(0.0, total);
        assertThat(values.get(Metric.HOST_SWAP_USED)).isBetween(0.0, values.get(Metric.HOST_SWAP_TOTAL));
        assertThat(values.get(Metric.PROCESS_RSS)).isGreaterThan(10 * MIB).isLessThan(total);
        assertThat(values.get(Metric.PROCESS_THREADS)).isGreaterThanOrEqualTo(1);
        assertThat(values.get(Metric.PROCESS_OPEN_FILES)).isPositive();
    }

    @Test
    void readsAProcTreeFromFixtures(@TempDir Path proc) throws IOException {
        Files.createDirectories(proc.resolve("self/fd"));
        Files.writeString(proc.resolve("self/status"), ProcfsParserTest.fixture("status-jvm.txt"));
        Files.writeString(proc.resolve("meminfo"), ProcfsParserTest.fixture("meminfo.txt"));
        Files.writeString(proc.resolve("stat"), ProcfsParserTest.fixture("stat.txt"));
        for (int fd = 0; fd < 3; fd++) {
            Files.createFile(proc.resolve("self/fd/" + fd));
        }
        ProcfsHostMetricsSource source = new ProcfsHostMetricsSource("why", proc);

        HostSample first = source.sample();
        Files.writeString(proc.resolve("stat"), ProcfsParserTest.fixture("stat-later.txt"));
        HostSample second = source.sample();

        assertThat(source.description()).isEqualTo("procfs (why)");
        assertThat(first.values())
                .containsEntry(Metric.PROCESS_RSS, 78_828 * 1024.0)
                .containsEntry(Metric.PROCESS_THREADS, 19.0)
                .containsEntry(Metric.HOST_MEMORY_TOTAL, 24_684_084 * 1024.0)
                .containsEntry(Metric.PROCESS_OPEN_FILES, 3.0)
                .containsEntry(Metric.HOST_RUN_QUEUE_PER_CPU, 0.0)
                .hasSize(8);
        // a second later one CPU spins: procs_running 2 (the spinner and the reader) on two CPUs
        assertThat(second.values()).hasSize(11).containsEntry(Metric.HOST_RUN_QUEUE_PER_CPU, 0.5)
                .containsEntry(Metric.PROCESS_RSS, 78_828 * 1024.0).containsEntry(Metric.PROCESS_OPEN_FILES, 3.0);
        assertThat(second.values().get(Metric.HOST_CPU)).isCloseTo(103.0 / 239, within(1e-12));
        assertThat(second.values().get(Metric.HOST_CPU_STEAL)).isCloseTo(1.0 / 239, within(1e-12));
        assertThat(second.values()).containsEntry(Metric.HOST_CPU_IOWAIT, 0.0);
    }

    @Test
    void keepsTheOlderBaselineWhenNoTickElapsed(@TempDir Path proc) throws IOException {
        Files.writeString(proc.resolve("stat"), ProcfsParserTest.fixture("stat.txt"));
        ProcfsHostMetricsSource source = new ProcfsHostMetricsSource("why", proc);

        source.sample();
        HostSample same = source.sample();
        Files.writeString(proc.resolve("stat"), ProcfsParserTest.fixture("stat-later.txt"));
        HostSample later = source.sample();

        assertThat(same.values()).doesNotContainKey(Metric.HOST_CPU);
        assertThat(later.values().get(Metric.HOST_CPU)).isCloseTo(103.0 / 239, within(1e-12));
    }

    @Test
    void withoutProcSaysSoAndSamplesNothing(@TempDir Path empty) {
        ProcfsHostMetricsSource source = new ProcfsHostMetricsSource("OSHI unavailable: test", empty);

        assertThat(source.description()).isEqualTo("no host metrics: no readable " + empty + " (OSHI unavailable: test)");
        assertThat(source.sample().values()).isEmpty();
        assertThat(source.sample().values()).isEmpty();
    }
}
