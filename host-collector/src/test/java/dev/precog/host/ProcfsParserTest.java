package dev.precog.host;

import static org.assertj.core.api.Assertions.assertThat;

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

    static String fixture(String name) {
        try (InputStream in = ProcfsParserTest.class.getResourceAsStream(name)) {
            assertThat(in).as("fixture %s", name).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
