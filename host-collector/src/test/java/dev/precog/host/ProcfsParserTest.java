package dev.precog.host;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.precog.host.ProcfsParser.CpuTicks;
import dev.precog.model.Metric;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ProcfsParserTest {

    private static final double KIB = 1024;

    @Test
    void readsRssAndThreadsOfAJvm() {
        assertThat(ProcfsParser.parseStatus(fixture("status-jvm.txt")))
                .containsOnlyKeys(Metric.PROCESS_RSS, Metric.PROCESS_THREADS)
                .containsEntry(Metric.PROCESS_RSS, 78_828 * KIB)
                .containsEntry(Metric.PROCESS_THREADS, 19.0);
    }

    @Test
    void kernelThreadHasThreadsButNoRss() {
        assertThat(ProcfsParser.parseStatus(fixture("status-kthread.txt")))
                .containsOnlyKeys(Metric.PROCESS_THREADS)
                .containsEntry(Metric.PROCESS_THREADS, 1.0);
    }

    @Test
    void readsMemoryAndEmptySwap() {
        assertThat(ProcfsParser.parseMeminfo(fixture("meminfo.txt")))
                .containsEntry(Metric.HOST_MEMORY_TOTAL, 24_684_084 * KIB)
                .containsEntry(Metric.HOST_MEMORY_AVAILABLE, 24_423_528 * KIB)
                .containsEntry(Metric.HOST_SWAP_TOTAL, 0.0)
                .containsEntry(Metric.HOST_SWAP_USED, 0.0)
                .hasSize(4);
    }

    @Test
    void swapUsedIsTotalMinusFree() {
        // this machine has no swap: meminfo-swap.txt is meminfo.txt with swap lines edited in
        assertThat(ProcfsParser.parseMeminfo(fixture("meminfo-swap.txt")))
                .containsEntry(Metric.HOST_SWAP_TOTAL, 8_388_604 * KIB)
                .containsEntry(Metric.HOST_SWAP_USED, (8_388_604 - 8_126_460) * KIB);
    }

    @Test
    void missingOrMalformedFieldsAreAbsentNotZero() {
        String oldKernel = "MemTotal:       lots kB\nMemFree:        1024 kB\nSwapTotal:\nSwapFree: 4 kB\n";
        assertThat(ProcfsParser.parseMeminfo(oldKernel)).isEmpty();
        assertThat(ProcfsParser.parseStatus("")).isEmpty();
        assertThat(ProcfsParser.parseStatus("VmRSS:\t-5 kB\nThreads:\t99999999999999999999\n")).isEmpty();
    }

    @Test
    void readsTheAggregateCpuLineOfProcStat() {
        // cpu  94000 0 12331 385150 791 0 168 300 0 0: idle counts iowait, the total leaves out the guest columns
        assertThat(ProcfsParser.parseCpuTicks(fixture("stat.txt")))
                .isEqualTo(new CpuTicks(385_150 + 791, 94_000 + 12_331 + 385_150 + 791 + 168 + 300, 791, 300));
    }

    @Test
    void theRunQueueIsRunnableThreadsOtherThanTheReaderPerCpu() {
        // the real file: procs_running 1 (the reader itself) on two CPUs
        assertThat(ProcfsParser.parseRunQueuePerCpu(fixture("stat.txt"))).isEqualTo(0.0);
        String busy = fixture("stat.txt").replace("procs_running 1", "procs_running 7");
        assertThat(ProcfsParser.parseRunQueuePerCpu(busy)).isEqualTo(3.0);
        assertThat(ProcfsParser.parseRunQueuePerCpu("cpu  1 2 3 4\ncpu0 1 2 3 4\n")).isNull();
        assertThat(ProcfsParser.parseRunQueuePerCpu("procs_running x\ncpu0 1 2 3 4\n")).isNull();
    }

    @Test
    void loadBetweenTwoRealReadingsIsBusyOverElapsedTicks() {
        // a second later, with one CPU spinning: 101 user, 1 system, 136 idle, 1 steal
        CpuTicks earlier = ProcfsParser.parseCpuTicks(fixture("stat.txt"));
        CpuTicks later = ProcfsParser.parseCpuTicks(fixture("stat-later.txt"));

        assertThat(later.loadSince(earlier)).hasValueCloseTo(103.0 / 239, within(1e-12));
        assertThat(later.shareSince(earlier, true)).hasValueCloseTo(1.0 / 239, within(1e-12));
        assertThat(later.shareSince(earlier, false)).hasValue(0.0);
    }

    @Test
    void noLoadWithoutElapsedTicksOrWhenCountersGoBack() {
        CpuTicks ticks = new CpuTicks(50, 100, 0, 0);

        assertThat(ticks.loadSince(ticks)).isEmpty();
        assertThat(ticks.loadSince(new CpuTicks(60, 120, 0, 0))).isEmpty();
        assertThat(ticks.loadSince(new CpuTicks(60, 90, 0, 0))).isEmpty(); // more idle than elapsed
        assertThat(new CpuTicks(100, 200, 0, 0).loadSince(ticks)).hasValue(0.5);
    }

    @Test
    void oldKernelsPrintFewerCpuColumns() {
        assertThat(ProcfsParser.parseCpuTicks("cpu  10 0 5 85\ncpu0 10 0 5 85\n")).isEqualTo(new CpuTicks(85, 100, 0, 0));
    }

    @Test
    void missingOrMalformedCpuLineGivesNoTicks() {
        assertThat(ProcfsParser.parseCpuTicks("")).isNull();
        assertThat(ProcfsParser.parseCpuTicks("cpu0 1 2 3 4\nctxt 5\n")).isNull();
        assertThat(ProcfsParser.parseCpuTicks("cpu  1 2 3\n")).isNull();
        assertThat(ProcfsParser.parseCpuTicks("cpu  1 2 x 4\n")).isNull();
        assertThat(ProcfsParser.parseCpuTicks("cpu  1 2 -3 4\n")).isNull();
        assertThat(ProcfsParser.parseCpuTicks("cpu  9223372036854775807 1 0 0\n")).isNull();
    }

    static String fixture(String name) {
        try (InputStream in = ProcfsParserTest.class.getResourceAsStream(name)) {
            assertThat(in).as("fixture %s", name).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
