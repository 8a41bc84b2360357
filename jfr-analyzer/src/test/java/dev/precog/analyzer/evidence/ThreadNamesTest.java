package dev.precog.analyzer.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import dev.precog.analyzer.evidence.CensusDiff.Growth;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ThreadNamesTest {

    private static final Instant T1 = Instant.parse("2025-03-01T12:00:00Z");
    private static final Instant T2 = T1.plusSeconds(30);

    @Test
    void digitRunsBecomeN() {
        assertThat(ThreadNames.normalize("pool-12-thread-3")).isEqualTo("pool-N-thread-N");
        assertThat(ThreadNames.normalize("report-exporter-1047")).isEqualTo("report-exporter-N");
        assertThat(ThreadNames.normalize("RMI TCP Connection(4)-127.0.0.1")).isEqualTo("RMI TCP Connection(N)-N.N.N.N");
        assertThat(ThreadNames.normalize("ForkJoinPool-1-worker-17")).isEqualTo("ForkJoinPool-N-worker-N");
        assertThat(ThreadNames.normalize("main")).isEqualTo("main");
        assertThat(ThreadNames.normalize("42")).isEqualTo("N");
        assertThat(ThreadNames.normalize("")).isEqualTo("(unnamed)");
        assertThat(ThreadNames.normalize(null)).isEqualTo("(unnamed)");
    }

    @Test
    void longNamesAreCut() {
        String request = "GET /orders/" + "x".repeat(500);

        assertThat(ThreadNames.normalize(request)).hasSize(ThreadNames.MAX_LENGTH).startsWith("GET /orders/x");
    }

    @Test
    void censusCountsThreadsByPattern() {
        Census c = ThreadNames.census(T1, List.of("main", "pool-1-thread-1", "pool-1-thread-2", "pool-2-thread-1",
                "report-exporter-7"));

        assertThat(c.at()).isEqualTo(T1);
        assertThat(c.counts()).containsExactlyInAnyOrderEntriesOf(Map.of(
                "main", 1L, "pool-N-thread-N", 3L, "report-exporter-N", 1L));
    }

    @Test
    void censusKeepsABoundedNumberOfPatterns() {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < 3 * ThreadNames.MAX_PATTERNS; i++) {
            names.add("worker-" + letters(i) + "-" + i); // a distinct pattern per thread
        }

        Census c = ThreadNames.census(T1, names);

        assertThat(c.counts()).hasSizeLessThanOrEqualTo(ThreadNames.MAX_PATTERNS).containsKey(ThreadNames.OTHER);
        assertThat(c.counts().values().stream().mapToLong(Long::longValue).sum()).isEqualTo(names.size());
    }

    /** 0 → "a", 25 → "z", 26 → "ba": a digit-free name per number. */
    private static String letters(int n) {
        StringBuilder out = new StringBuilder();
        do {
            out.insert(0, (char) ('a' + n % 26));
            n /= 26;
        } while (n > 0);
        return out.toString();
    }

    @Test
    void diffOfTwoCensusesNamesThePatternThatGrewMostFirst() {
        Census first = ThreadNames.census(T1, List.of("main", "order-worker-1", "order-worker-2", "report-exporter-1",
                "RMI TCP Connection(1)-10.0.0.1"));
        List<String> later = new ArrayList<>(List.of("main", "order-worker-1", "order-worker-2",
                "RMI TCP Connection(2)-10.0.0.1", "RMI TCP Connection(3)-10.0.0.1"));
        for (int i = 1; i <= 12; i++) {
            later.add("report-exporter-" + i);
        }

        CensusDiff diff = CensusDiff.between(first, ThreadNames.census(T2, later));

        assertThat(diff.span()).isEqualTo(Duration.ofSeconds(30));
        // the steady pool and main did not grow, so they are not named at all
        assertThat(diff.growth()).containsExactly(
                new Growth("report-exporter-N", 11, 12),
                new Growth("RMI TCP Connection(N)-N.N.N.N", 1, 2));
    }
}
