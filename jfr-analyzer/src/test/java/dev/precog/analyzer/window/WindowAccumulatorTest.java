package dev.precog.analyzer.window;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.precog.model.ClassWeight;
import dev.precog.model.Distribution;
import dev.precog.model.DistributionKind;
import dev.precog.model.HostSample;
import dev.precog.model.Metric;
import dev.precog.model.WaitSite;
import dev.precog.model.Window;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class WindowAccumulatorTest {

    private static final Instant T0 = Instant.parse("2025-01-01T00:00:00Z");
    private static final Instant T1 = T0.plusSeconds(10);
    private static final Instant T2 = T1.plusSeconds(10);

    @ParameterizedTest
    @EnumSource(Metric.class)
    void foldsEachMetricByItsAggregation(Metric metric) {
        WindowAccumulator acc = new WindowAccumulator(T0);
        acc.record(metric, 5);
        acc.record(metric, 3);
        acc.record(metric, 10);
        acc.record(metric, 6);

        double expected = switch (metric.aggregation()) {
            case MIN -> 3;
            case MAX -> 10;
            case SUM -> 24;
            case MEAN -> 6;
            case LAST -> 6;
        };
        assertThat(acc.close(T1).value(metric)).hasValue(expected);
    }

    @Test
    void examplesOfEachAggregation() {
        WindowAccumulator acc = new WindowAccumulator(T0);
        for (double v : new double[] {300, 100, 200}) {
            acc.record(Metric.HEAP_USED_AFTER_GC, v); // MIN
            acc.record(Metric.HEAP_USED_BEFORE_GC, v); // MAX
            acc.record(Metric.GC_COUNT, 1); // SUM
            acc.record(Metric.CPU_JVM_USER, v / 1000); // MEAN
            acc.record(Metric.HEAP_COMMITTED, v); // LAST
        }

        Window w = acc.close(T1);

        assertThat(w.value(Metric.HEAP_USED_AFTER_GC)).hasValue(100);
        assertThat(w.value(Metric.HEAP_USED_BEFORE_GC)).hasValue(300);
        assertThat(w.value(Metric.GC_COUNT)).hasValue(3);
        assertThat(w.value(Metric.CPU_JVM_USER).getAsDouble()).isCloseTo(0.2, within(1e-12));
        assertThat(w.value(Metric.HEAP_COMMITTED)).hasValue(200);
        assertThat(w.values()).hasSize(5);
        assertThat(w.events()).isEqualTo(15);
    }

    @Test
    void ignoresNonFiniteValuesButStillCountsTheEvent() {
        WindowAccumulator acc = new WindowAccumulator(T0);
        acc.record(Metric.CPU_MACHINE, Double.NaN);
        acc.record(Metric.CPU_MACHINE, Double.POSITIVE_INFINITY);
        acc.record(Metric.HEAP_MAX, Double.NaN);
        acc.record(Metric.CPU_MACHINE, 0.5);

        Window w = acc.close(T1);

        assertThat(w.value(Metric.CPU_MACHINE)).hasValue(0.5);
        assertThat(w.value(Metric.HEAP_MAX)).isEmpty();
        assertThat(w.events()).isEqualTo(4);
    }

    @Test
    void hostSampleFoldsEveryReading() {
        WindowAccumulator acc = new WindowAccumulator(T0);
        acc.record(new HostSample(T0, Map.of(Metric.HOST_CPU, 0.2, Metric.PROCESS_RSS, 100.0)));
        acc.record(new HostSample(T0.plusSeconds(5), Map.of(Metric.HOST_CPU, 0.4, Metric.PROCESS_RSS, 50.0)));

        Window w = acc.close(T1);

        assertThat(w.value(Metric.HOST_CPU).getAsDouble()).isCloseTo(0.3, within(1e-12));
        assertThat(w.value(Metric.PROCESS_RSS)).hasValue(100);
        assertThat(w.events()).isEqualTo(2);
    }

    @Test
    void durationsBecomeMillisecondPercentiles() {
        WindowAccumulator acc = new WindowAccumulator(T0);
        for (int ms = 1; ms <= 100; ms++) {
            acc.recordDuration(DistributionKind.GC_PAUSE, TimeUnit.MILLISECONDS.toNanos(ms));
        }
        acc.recordDuration(DistributionKind.THREAD_PARK, 250_000); // 0.25 ms

        Window w = acc.close(T1);

        Distribution gc = w.distributions().get(DistributionKind.GC_PAUSE);
        assertThat(gc.count()).isEqualTo(100);
        // two significant digits: each value is within 1% of the recorded one
        assertThat(gc.totalMillis()).isCloseTo(5050, within(50.5));
        assertThat(gc.p50Millis()).isCloseTo(50, within(0.6));
        assertThat(gc.p99Millis()).isCloseTo(99, within(1.0));
        assertThat(gc.maxMillis()).isCloseTo(100, within(1.0));
        assertThat(w.distributions().get(DistributionKind.THREAD_PARK).maxMillis()).isCloseTo(0.25, within(0.01));
        assertThat(w.distributions()).doesNotContainKeys(DistributionKind.MONITOR_ENTER, DistributionKind.MONITOR_WAIT);
    }

    @Test
    void durationsAreClampedToTheRecordableRange() {
        WindowAccumulator acc = new WindowAccumulator(T0);
        acc.recordDuration(DistributionKind.MONITOR_WAIT, -5);
        acc.recordDuration(DistributionKind.MONITOR_WAIT, Duration.ofHours(3).toNanos());

        Distribution d = acc.close(T1).distributions().get(DistributionKind.MONITOR_WAIT);

        assertThat(d.count()).isEqualTo(2);
        assertThat(d.p50Millis()).isZero();
        assertThat(d.maxMillis()).isCloseTo(Duration.ofHours(1).toMillis(), within(0.01 * Duration.ofHours(1).toMillis()));
    }

    @Test
    void closeStartsAFreshWindowWhereTheLastOneEnded() {
        WindowAccumulator acc = new WindowAccumulator(T0);
        acc.record(Metric.GC_COUNT, 1);
        acc.recordDuration(DistributionKind.GC_PAUSE, 1_000_000);
        acc.recordAllocation("com.example.Order", 64);

        Window first = acc.close(T1);
        assertThat(acc.currentStart()).isEqualTo(T1);
        Window second = acc.close(T2);

        assertThat(first.start()).isEqualTo(T0);
        assertThat(first.end()).isEqualTo(T1);
        assertThat(first.value(Metric.GC_COUNT)).hasValue(1);
        assertThat(first.distributions()).containsKey(DistributionKind.GC_PAUSE);
        assertThat(first.topAllocations()).extracting(ClassWeight::className).containsExactly("com.example.Order");
        assertThat(first.events()).isEqualTo(2);

        assertThat(second.start()).isEqualTo(T1);
        assertThat(second.end()).isEqualTo(T2);
        assertThat(second.values()).isEmpty();
        assertThat(second.distributions()).isEmpty();
        assertThat(second.topAllocations()).isEmpty();
        assertThat(second.events()).isZero();
        assertThat(acc.totalEvents()).isEqualTo(2);
    }

    @Test
    void allocationTableIsBoundedAndCountsWhatItDrops() {
        WindowAccumulator acc = new WindowAccumulator(T0);
        int classes = 600;
        long totalBytes = 0;
        for (int i = 0; i < classes; i++) {
            long bytes = 1000L + i;
            acc.recordAllocation("com.example.Type" + i, bytes);
            totalBytes += bytes;
        }
        // a class already in the table keeps accumulating
        acc.recordAllocation("com.example.Type0", 1_000_000);
        totalBytes += 1_000_000;

        assertThat(acc.totalDropped()).isEqualTo(classes - 512);
        Window w = acc.close(T1);

        assertThat(w.topAllocations()).hasSize(10);
        assertThat(w.topAllocations().get(0)).isEqualTo(new ClassWeight("com.example.Type0", 1_001_000, 2));
        // the rest are the heaviest of those that fit in the table (Type511 down to Type503)
        assertThat(w.topAllocations().subList(1, 10)).extracting(ClassWeight::className)
                .containsExactly("com.example.Type511", "com.example.Type510", "com.example.Type509",
                        "com.example.Type508", "com.example.Type507", "com.example.Type506",
                        "com.example.Type505", "com.example.Type504", "com.example.Type503");
        // the sampled volume still counts every sample, dropped or not
        assertThat(w.value(Metric.ALLOCATION_SAMPLED)).hasValue(totalBytes);
        assertThat(w.events()).isEqualTo(classes + 1);

        // the next window has a fresh table; the dropped count is cumulative
        acc.recordAllocation("com.example.Late", 8);
        Window next = acc.close(T2);
        assertThat(next.topAllocations()).extracting(ClassWeight::className).containsExactly("com.example.Late");
        assertThat(acc.totalDropped()).isEqualTo(classes - 512);
    }

    @Test
    @Timeout(10)
    void concurrentWritersLoseNothing() throws Exception {
        WindowAccumulator acc = new WindowAccumulator(T0);
        int threads = 4;
        int perThread = 20_000;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch go = new CountDownLatch(1);
        try {
            List<Future<?>> writers = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int id = t;
                writers.add(pool.submit(() -> {
                    go.await();
                    for (int i = 0; i < perThread; i++) {
                        acc.record(Metric.GC_COUNT, 1);
                        acc.recordDuration(DistributionKind.GC_PAUSE, 1_000_000);
                        if (i % 100 == 0) {
                            acc.recordAllocation("com.example.T" + id, 1);
                        }
                    }
                    return null;
                }));
            }
            go.countDown();
            for (Future<?> f : writers) {
                f.get(10, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }

        Window w = acc.close(T1);

        assertThat(w.value(Metric.GC_COUNT)).hasValue(threads * perThread);
        assertThat(w.distributions().get(DistributionKind.GC_PAUSE).count()).isEqualTo((long) threads * perThread);
        assertThat(w.topAllocations()).hasSize(threads)
                .allSatisfy(cw -> assertThat(cw.samples()).isEqualTo(perThread / 100));
    }

    @Test
    @Timeout(10)
    void closingWhileWritersRunLosesNothingAcrossWindows() throws Exception {
        WindowAccumulator acc = new WindowAccumulator(T0);
        int threads = 3;
        int perThread = 30_000;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch go = new CountDownLatch(1);
        List<Window> windows = new ArrayList<>();
        try {
            List<Future<?>> writers = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                writers.add(pool.submit(() -> {
                    go.await();
                    for (int i = 0; i < perThread; i++) {
                        acc.record(Metric.GC_COUNT, 1);
                        acc.recordDuration(DistributionKind.GC_PAUSE, 1_000_000);
                    }
                    return null;
                }));
            }
            go.countDown();
            Instant end = T0;
            while (!writers.stream().allMatch(Future::isDone)) {
                end = end.plusSeconds(1);
                windows.add(acc.close(end));
            }
            for (Future<?> f : writers) {
                f.get(10, TimeUnit.SECONDS);
            }
            windows.add(acc.close(end.plusSeconds(1)));
        } finally {
            pool.shutdownNow();
        }

        double gcCount = windows.stream().mapToDouble(w -> w.value(Metric.GC_COUNT).orElse(0)).sum();
        long pauses = windows.stream()
                .map(w -> w.distributions().get(DistributionKind.GC_PAUSE))
                .mapToLong(d -> d == null ? 0 : d.count())
                .sum();
        assertThat(gcCount).isEqualTo(threads * perThread);
        assertThat(pauses).isEqualTo((long) threads * perThread);
        assertThat(acc.totalEvents()).isEqualTo((long) threads * perThread);
        for (int i = 1; i < windows.size(); i++) {
            assertThat(windows.get(i).start()).isEqualTo(windows.get(i - 1).end());
        }
    }

    @Test
    void waitsAreKeptPerSiteBoundedAndStartAfreshEachWindow() {
        WindowAccumulator acc = new WindowAccumulator(Instant.parse("2025-03-01T12:00:00Z"));
        for (int lock = 0; lock < 40; lock++) {
            for (int t = 0; t < 50; t++) {
                // lock 0 waits longest; every lock sees 50 threads and 20 distinct stacks
                acc.recordWait(WaitSite.MONITOR, "com.acme.Lock" + lock, "com.acme.Owner", lock == 0 ? 100 : 10, 0, "worker-" + t,
                        List.of("com.acme.Owner.work:" + (t % 20)), "worker-0");
            }
        }

        // a service reading many files fills the I/O sites, not the lock sites
        for (int file = 0; file < 40; file++) {
            acc.recordWait(WaitSite.FILE_READ, "/data/part-" + file, "com.acme.Loader", 12, 4096, "loader", List.of("x"), null);
        }

        Window w = acc.close(Instant.parse("2025-03-01T12:00:10Z"));

        assertThat(w.waits().stream().filter(WaitSite::isLock)).hasSize(32);
        assertThat(w.waits().stream().filter(s -> !s.isLock())).hasSize(32);
        assertThat(acc.totalDropped()).isEqualTo(8 * 50 + 8);
        WaitSite first = w.waits().get(0);
        assertThat(first.resource()).isEqualTo("com.acme.Lock0");
        assertThat(first.events()).isEqualTo(50);
        assertThat(first.blockedMillis()).isEqualTo(5000.0);
        assertThat(first.threads()).hasSize(32);
        assertThat(first.stacks()).hasSize(3);
        assertThat(first.previousOwners()).containsExactly("worker-0");
        org.HdrHistogram.Histogram waits = WaitHistograms.empty();
        WaitHistograms.add(waits, first.waitHistogram());
        assertThat(waits.getTotalCount()).isEqualTo(50);
        assertThat(waits.getValueAtPercentile(50)).isEqualTo(100);
        assertThat(acc.close(Instant.parse("2025-03-01T12:00:20Z")).waits()).isEmpty();
    }

    @Test
    void aLongWaitCountsOnlyItsPartInsideTheWindowButWholeInTheDistribution() {
        Instant windowStart = Instant.parse("2025-03-01T12:00:00Z");
        WindowAccumulator acc = new WindowAccumulator(windowStart);
        // a read that started five minutes before this window and ended 2 s into it
        acc.recordWait(WaitSite.SOCKET_READ, "db:5432", "com.acme.Repo", windowStart.minusSeconds(300), 302_000, 10, "worker-1",
                List.of("com.acme.Repo.find:12"), null);
        // a short one inside the window counts whole
        acc.recordWait(WaitSite.SOCKET_READ, "db:5432", "com.acme.Repo", windowStart.plusSeconds(3), 50, 10, "worker-2",
                List.of("com.acme.Repo.find:12"), null);

        WaitSite site = acc.close(windowStart.plusSeconds(10)).waits().get(0);

        assertThat(site.blockedMillis()).isEqualTo(2_050.0);
        org.HdrHistogram.Histogram waits = WaitHistograms.empty();
        WaitHistograms.add(waits, site.waitHistogram());
        assertThat(waits.getMaxValue()).isGreaterThanOrEqualTo(300_000);
    }
}
