package dev.precog.analyzer.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.precog.analyzer.detect.AnalysisContext;
import dev.precog.analyzer.timeline.Timeline;
import dev.precog.model.Finding;
import dev.precog.model.FindingKind;
import dev.precog.model.Forecast;
import dev.precog.model.HeapDumpSuggestion;
import dev.precog.model.Metric;
import dev.precog.model.Severity;
import dev.precog.model.Unit;
import dev.precog.model.Window;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HeapDumpAdvisorTest {

    private static final long MB = 1024L * 1024;
    private static final long GB = 1024 * MB;
    private static final Instant NOW = Instant.parse("2025-03-01T12:10:00Z");
    private static final Path DIR = Path.of("/var/log/precog");

    @Test
    void aConfidentLeakRecommendsADumpWithItsSizePauseDiskAndDeadline() {
        HeapDumpSuggestion s = HeapDumpAdvisor.advise(context(400 * MB, 50 * GB, Boolean.FALSE), List.of(leak(Severity.WARNING, 300 * MB)),
                List.of(heapForecast(1800.0, 1200.0, 2400.0)));

        assertThat(s.recommended()).isTrue();
        assertThat(s.command()).isEqualTo("jcmd 4242 GC.heap_dump /var/log/precog/precog-heap-4242.hprof");
        assertThat(s.dumpPath()).isEqualTo("/var/log/precog/precog-heap-4242.hprof");
        // the leak's live set, not the latest after-GC value (which still holds old garbage)
        assertThat(s.liveSetBytes()).isEqualTo(300 * MB);
        assertThat(s.estimatedDumpBytes()).isEqualTo(Math.round(300 * MB * 1.5) + 16 * MB);
        // full collection of 300 MB at 256 MB/s, then 466 MB written at 128 MB/s
        assertThat(s.estimatedPauseSeconds()).isCloseTo(300.0 / 256 + 466.0 / 128, within(0.1));
        assertThat(s.freeDiskBytes()).isEqualTo(50 * GB);
        assertThat(s.diskHasRoom()).isTrue();
        assertThat(s.secondsToOutOfMemory()).isEqualTo(1800.0);
        assertThat(s.secondsToOutOfMemoryLow()).isEqualTo(1200.0);
        // pessimistic 1200 s, less the pause and a tenth of 1200 s
        assertThat(s.recommendDumpBy()).isEqualTo(NOW.plusSeconds(Math.round(1200 - s.estimatedPauseSeconds() - 120)));
        assertThat(s.mbeanOperation())
                .isEqualTo("com.sun.management:type=HotSpotDiagnostic dumpHeap(\"/var/log/precog/precog-heap-4242.hprof\", true)");
        assertThat(s.onOutOfMemoryFlags()).isEqualTo("-XX:+HeapDumpOnOutOfMemoryError -XX:HeapDumpPath=/var/log/precog");
        assertThat(s.autoDump()).isNull();
        assertThat(s.reason()).contains("Confident heap leak (heap)", "300.0 MB of live objects", "a file of about 466.0 MB",
                "full in about 30m00s (pessimistic: 20m00s)", "start it by " + s.recommendDumpBy() + " at the latest", "a pause of about 4.8 s", "50.0 GB usable in /var/log/precog");
    }

    @Test
    void aDiskWithoutRoomIsSaidWithWhatTheDumpNeeds() {
        // 300 MB live: a 466 MB file plus 256 MB to spare does not fit in 600 MB
        HeapDumpSuggestion s = HeapDumpAdvisor.advise(context(400 * MB, 600 * MB, Boolean.FALSE), List.of(leak(Severity.CRITICAL, 300 * MB)),
                List.of(heapForecast(600.0, 500.0, 700.0)));

        assertThat(s.recommended()).isTrue();
        assertThat(s.diskHasRoom()).isFalse();
        assertThat(s.freeDiskBytes()).isEqualTo(600 * MB);
        assertThat(s.reason()).contains("Not enough disk space in /var/log/precog: 600.0 MB usable, the dump needs about 722.0 MB",
                "jcmd 4242 GC.heap_dump /other/disk/precog-heap-4242.hprof");
    }

    @Test
    void justEnoughDiskIsRoomAndOneByteLessIsNot() {
        long dump = HeapDumpSizing.dumpBytes(300 * MB);
        long needed = HeapDumpSizing.requiredFreeBytes(dump);
        assertThat(needed).isEqualTo(dump + 256 * MB);
        assertThat(HeapDumpSizing.requiredFreeBytes(10 * GB)).isEqualTo(11 * GB);

        List<Finding> leak = List.of(leak(Severity.WARNING, 300 * MB));
        assertThat(HeapDumpAdvisor.advise(context(400 * MB, needed, null), leak, List.of()).diskHasRoom()).isTrue();
        assertThat(HeapDumpAdvisor.advise(context(400 * MB, needed - 1, null), leak, List.of()).diskHasRoom()).isFalse();
    }

    @Test
    void withoutAConfidentLeakNothingIsRecommendedButTheCommandSizeAndFlagsAreGiven() {
        // an INFO leak is not confident
        HeapDumpSuggestion s = HeapDumpAdvisor.advise(context(200 * MB, 50 * GB, Boolean.FALSE), List.of(leak(Severity.INFO, 150 * MB)),
                List.of(heapForecast(3600.0, 3000.0, 4000.0)));

        assertThat(s.recommended()).isFalse();
        assertThat(s.reason()).startsWith("No confident heap leak: a heap dump is not needed now")
                .contains("about " + Format.bytes(HeapDumpSizing.dumpBytes(200 * MB)));
        assertThat(s.command()).isEqualTo("jcmd 4242 GC.heap_dump /var/log/precog/precog-heap-4242.hprof");
        assertThat(s.dumpPath()).isEqualTo("/var/log/precog/precog-heap-4242.hprof");
        // without a leak the latest heap after GC stands for the live set
        assertThat(s.liveSetBytes()).isEqualTo(200 * MB);
        assertThat(s.estimatedDumpBytes()).isEqualTo(HeapDumpSizing.dumpBytes(200 * MB));
        assertThat(s.diskHasRoom()).isTrue();
        assertThat(s.secondsToOutOfMemory()).isEqualTo(3600.0);
        assertThat(s.recommendDumpBy()).as("no deadline without a recommendation").isNull();
        assertThat(s.onOutOfMemoryFlags()).isEqualTo("-XX:+HeapDumpOnOutOfMemoryError -XX:HeapDumpPath=/var/log/precog");
        assertThat(s.mbeanOperation()).startsWith("com.sun.management:type=HotSpotDiagnostic dumpHeap(");
    }

    @Test
    void theOutOfMemoryFlagsAreNotAdvisedWhenTheJvmHasThem() {
        HeapDumpSuggestion s = HeapDumpAdvisor.advise(context(200 * MB, 50 * GB, Boolean.TRUE), List.of(leak(Severity.WARNING, 150 * MB)),
                List.of());

        assertThat(s.onOutOfMemoryFlags()).isNull();
        // unknown (offline) is advised: better a flag set twice than a dump lost
        assertThat(HeapDumpAdvisor.advise(context(200 * MB, 50 * GB, null), List.of(), List.of()).onOutOfMemoryFlags()).isNotNull();
    }

    @Test
    void unknownDiskAndNoCollectionYetGiveNullsNotGuesses() {
        AnalysisContext empty = new AnalysisContext(new Timeline(10), NOW, null, null, DIR, null);

        HeapDumpSuggestion s = HeapDumpAdvisor.advise(empty, List.of(), List.of());

        assertThat(s.recommended()).isFalse();
        assertThat(s.command()).isEqualTo("jcmd <pid> GC.heap_dump /var/log/precog/precog-heap-<pid>.hprof");
        assertThat(s.liveSetBytes()).isNull();
        assertThat(s.estimatedDumpBytes()).isNull();
        assertThat(s.estimatedPauseSeconds()).isNull();
        assertThat(s.freeDiskBytes()).isNull();
        assertThat(s.diskHasRoom()).isNull();
        assertThat(s.secondsToOutOfMemory()).isNull();
        assertThat(s.secondsToOutOfMemoryLow()).isNull();
        assertThat(s.reason()).isEqualTo("No confident heap leak: a heap dump is not needed now");
    }

    @Test
    void whenTheHeapFillsSoonerThanADumpTakesTheDeadlineIsNow() {
        HeapDumpSuggestion s = HeapDumpAdvisor.advise(context(400 * MB, 50 * GB, Boolean.FALSE), List.of(leak(Severity.CRITICAL, 300 * MB)),
                List.of(heapForecast(90.0, 40.0, 120.0)));

        assertThat(s.recommendDumpBy()).isEqualTo(NOW);
        assertThat(s.reason()).contains("a dump may not finish before it is: take it at once");
    }

    @Test
    void thePointForecastStandsInWhenThereIsNoPessimisticBound() {
        assertThat(HeapDumpAdvisor.dumpBy(NOW, 3600, 10.0)).isEqualTo(NOW.plusSeconds(3600 - 10 - 360));
        assertThat(HeapDumpAdvisor.dumpBy(NOW, 300, null)).isEqualTo(NOW.plusSeconds(300 - 60));

        HeapDumpSuggestion s = HeapDumpAdvisor.advise(context(400 * MB, 50 * GB, Boolean.FALSE), List.of(leak(Severity.WARNING, 300 * MB)),
                List.of(heapForecast(3600.0, null, null)));
        assertThat(s.secondsToOutOfMemoryLow()).isNull();
        assertThat(s.recommendDumpBy()).isEqualTo(NOW.plusSeconds(Math.round(3600 - s.estimatedPauseSeconds() - 360)));
    }

    @Test
    void aMeasuredClassHistogramPauseLongerThanTheRuleIsUsed() {
        assertThat(HeapDumpSizing.pauseSeconds(256 * MB, 128 * MB, 0)).isCloseTo(2.0, within(1e-9));
        assertThat(HeapDumpSizing.pauseSeconds(256 * MB, 128 * MB, 5)).isCloseTo(6.0, within(1e-9));
    }

    @Test
    void usableSpaceOfADirectoryNotCreatedYetIsItsParentsStore(@org.junit.jupiter.api.io.TempDir Path tmp) {
        assertThat(HeapDumpSizing.usableBytes(tmp.resolve("not/yet"))).isPositive();
    }

    private static AnalysisContext context(long heapAfterGc, long freeDisk, Boolean heapDumpOnOom) {
        Timeline timeline = new Timeline(10);
        for (int i = 0; i < 3; i++) {
            Instant start = NOW.minus(Duration.ofSeconds(10L * (3 - i)));
            timeline.add(new Window(start, start.plusSeconds(10),
                    Map.of(Metric.HEAP_USED_AFTER_GC, (double) heapAfterGc, Metric.HEAP_MAX, (double) GB), Map.of(), List.of(), 10));
        }
        return new AnalysisContext(timeline, NOW, 4242L, GB, DIR, heapDumpOnOom).withDumpDiskFreeBytes(freeDisk);
    }

    private static Finding leak(Severity severity, long liveSet) {
        return new Finding("heap", FindingKind.MEMORY_LEAK, severity, 0.99, NOW, "LINEAR", "Heap live set grows",
                Map.of("liveSetBytes", liveSet), List.of(), List.of());
    }

    static Forecast heapForecast(Double point, Double low, Double high) {
        return new Forecast("forecast:heap.usedAfterGc", Metric.HEAP_USED_AFTER_GC.key(), Unit.BYTES, "theil-sen",
                Forecast.RISING, GB,
                "-Xmx", 300 * MB, 1000, 0.95, point, low, high, null, 6 * 3600, 10, 60, List.of(), List.of(), null, null);
    }
}
