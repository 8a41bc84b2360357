package dev.precog.analyzer.detect;

import static org.assertj.core.api.Assertions.assertThat;

import dev.precog.analyzer.evidence.Evidence;
import dev.precog.analyzer.timeline.Timeline;
import dev.precog.analyzer.window.WindowAccumulator;
import dev.precog.model.Finding;
import dev.precog.model.FindingKind;
import dev.precog.model.Severity;
import dev.precog.model.Suggestion;
import dev.precog.model.Suspect;
import dev.precog.model.WaitSite;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import org.junit.jupiter.api.Test;

/** I/O waits as the JFR handlers record them, over 10-second windows, through the whole detector. */
class IoBoundDetectorTest {

    private static final Instant T0 = Instant.parse("2025-03-01T12:00:00Z");
    private static final Duration WINDOW = Duration.ofSeconds(10);
    private static final String CLIENT = "com.acme.PricingClient";
    private static final List<String> QUOTE = List.of("java.io.BufferedReader.readLine:396", "com.acme.PricingClient.quote:75");

    private static List<Finding> detect(int windows, BiConsumer<WindowAccumulator, Integer> waits) {
        return detect(windows, WINDOW, waits);
    }

    /** As {@link #detect(int, BiConsumer)}, the last window lasting {@code last} (a recording stops where it stops). */
    private static List<Finding> detect(int windows, Duration last, BiConsumer<WindowAccumulator, Integer> waits) {
        Timeline timeline = AccumulatedWindows.timeline(T0, windows, WINDOW, last, waits);
        AnalysisContext context = new AnalysisContext(timeline, AccumulatedWindows.end(timeline), 4242L, 1L << 30, null,
                Boolean.TRUE, Evidence.NONE);
        return new IoBoundDetector().detect(context);
    }

    private static void socketReads(WindowAccumulator acc, int count, double millis, int threads, String endpoint) {
        for (int k = 0; k < count; k++) {
            acc.recordWait(WaitSite.SOCKET_READ, endpoint, CLIENT, millis, 10, "quote-" + (k % threads), QUOTE, null);
        }
    }

    @Test
    void waitsInTheLastWindowAndTheHalfSecondARecordingStopsOnAreNotIoBound() {
        // 600 reads of 30 ms in the last whole window, 60 in the half second after it: two windows of the last
        // four, but 10.5 s of 30.5 s, with 0.65 threads blocked on average
        assertThat(detect(6, Duration.ofMillis(500),
                (acc, i) -> socketReads(acc, i == 4 ? 600 : i == 5 ? 60 : 0, 30, 4, "pricing.internal:7001"))).isEmpty();
        assertThat(detect(6, (acc, i) -> socketReads(acc, i >= 4 ? 600 : 0, 30, 4, "pricing.internal:7001")))
                .singleElement().satisfies(f -> {
                    assertThat(f.severity()).isEqualTo(Severity.WARNING);
                    assertThat((String) f.evidence().get("confidenceReason"))
                            .startsWith("waits on pricing.internal:7001 for 67% of the last 30s (2 of 3 windows), 1200 I/O waits");
                });
    }

    @Test
    void fourThreadsWaitingForOneBackendAreIoBoundOnItsEndpoint() {
        // 4 threads, each a 30 ms read after another: 4 threads blocked on average
        List<Finding> findings = detect(6, (acc, i) -> {
            socketReads(acc, 1300, 30, 4, "pricing.internal:7001");
            acc.recordWait(WaitSite.FILE_WRITE, "/var/log/audit.log", "com.acme.AuditLog", 15, 4096, "audit", List.of("x"), null);
        });

        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.kind()).isEqualTo(FindingKind.IO_BOUND);
            assertThat(f.severity()).isEqualTo(Severity.CRITICAL);
            assertThat(f.summary()).startsWith("Threads spend their time in I/O: 3.9 threads blocked on average over the last 30s"
                    + " (5 threads), most in socket read pricing.internal:7001 (3.9 threads, waits p50 30 ms) from " + CLIENT);
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> sites = (List<Map<String, Object>>) f.evidence().get("sites");
            assertThat(sites).extracting(s -> s.get("resource")).containsExactly("pricing.internal:7001", "/var/log/audit.log");
            assertThat(sites.get(0)).containsEntry("kind", "socket read").containsEntry("bytes", 3900L * 10)
                    .containsEntry("stack", QUOTE);
            assertThat(f.suspects()).extracting(Suspect::className).containsExactly(CLIENT, "com.acme.AuditLog");
            assertThat(f.suggestions()).extracting(Suggestion::action).first().isEqualTo("Find out why pricing.internal:7001 answers slowly");
        });
    }

    @Test
    void aDiskBoundServiceIsToldToCheckTheDisk() {
        List<Finding> findings = detect(6, (acc, i) -> {
            for (int k = 0; k < 200; k++) {
                acc.recordWait(WaitSite.FILE_WRITE, "/data/ledger.db", "com.acme.Ledger", 40, 8192, "writer-" + (k % 3),
                        List.of("java.io.FileOutputStream.write:349", "com.acme.Ledger.append:88"), null);
            }
        });

        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.WARNING);
            assertThat(f.suggestions()).extracting(Suggestion::command).contains("iostat -x 1");
        });
    }

    @Test
    void locksAreNotIoAndOccasionalIoIsNothing() {
        // heavy lock waits, and a few slow reads: 0.1 threads in I/O
        List<Finding> findings = detect(6, (acc, i) -> {
            for (int k = 0; k < 200; k++) {
                acc.recordWait(WaitSite.MONITOR, "com.acme.Ledger", "com.acme.Ledger", 250, 0, "t" + (k % 6), List.of("y"), null);
            }
            socketReads(acc, 20, 50, 2, "pricing.internal:7001");
        });

        assertThat(findings).isEmpty();
    }

    @Test
    void oneBurstOfIoIsNotIoBound() {
        List<Finding> findings = detect(6, (acc, i) -> {
            if (i == 5) {
                socketReads(acc, 2000, 30, 4, "pricing.internal:7001");
            }
        });

        assertThat(findings).isEmpty();
    }
}
