package dev.precog.host;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import dev.precog.model.Metric;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

class HostMetricsSourcesTest {

    private static final double MIB = 1024 * 1024;

    @Test
    @EnabledOnOs(OS.LINUX)
    void linuxIsReadFromProcUnlessOshiIsAskedFor() {
        HostMetricsSource source = HostMetricsSources.open(false);

        assertThat(source).isInstanceOf(ProcfsHostMetricsSource.class);
        assertThat(source.description()).isEqualTo("procfs (the default on Linux, no native library; hostMetrics=oshi for OSHI)");
        assertThat(source.sample().values()).containsKeys(Metric.HOST_MEMORY_TOTAL, Metric.PROCESS_RSS, Metric.PROCESS_THREADS);
    }

    @Test
    void withoutAReadableProcOshiIsUsed(@TempDir Path noProc) {
        assumeFalse(OshiHostMetricsSource.jnaWouldWarn(Runtime.version().feature(), OshiHostMetricsSource.nativeAccessEnabled()));

        assertThat(HostMetricsSources.open(false, noProc)).isInstanceOf(OshiHostMetricsSource.class);
    }

    @Test
    @EnabledOnOs(OS.LINUX)
    void procAndOshiAgreeOnThisMachine() {
        assumeFalse(OshiHostMetricsSource.jnaWouldWarn(Runtime.version().feature(), OshiHostMetricsSource.nativeAccessEnabled()));
        HostMetricsSource oshi = HostMetricsSources.open(true);
        assertThat(oshi).isInstanceOf(OshiHostMetricsSource.class);

        Map<Metric, Double> fromOshi = oshi.sample().values();
        Map<Metric, Double> fromProc = HostMetricsSources.open(false).sample().values();

        assertThat(fromProc.get(Metric.HOST_MEMORY_TOTAL)).isEqualTo(fromOshi.get(Metric.HOST_MEMORY_TOTAL));
        assertThat(fromProc.get(Metric.HOST_SWAP_TOTAL)).isEqualTo(fromOshi.get(Metric.HOST_SWAP_TOTAL));
        // read a moment apart from a live system and a live JVM: close, not equal
        double total = fromOshi.get(Metric.HOST_MEMORY_TOTAL);
        assertThat(fromProc.get(Metric.HOST_MEMORY_AVAILABLE)).isCloseTo(fromOshi.get(Metric.HOST_MEMORY_AVAILABLE),
                within(0.02 * total));
        assertThat(fromProc.get(Metric.PROCESS_RSS)).isCloseTo(fromOshi.get(Metric.PROCESS_RSS), within(64 * MIB));
        assertThat(fromProc.get(Metric.PROCESS_THREADS)).isCloseTo(fromOshi.get(Metric.PROCESS_THREADS), within(10.0));
        assertThat(fromProc.get(Metric.PROCESS_OPEN_FILES)).isCloseTo(fromOshi.get(Metric.PROCESS_OPEN_FILES), within(20.0));
    }
}
