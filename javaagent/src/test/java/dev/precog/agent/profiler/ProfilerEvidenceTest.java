package dev.precog.agent.profiler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.precog.model.Finding;
import dev.precog.model.FindingKind;
import dev.precog.model.Severity;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ProfilerEvidenceTest {

    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    private static final Path DIR = Path.of("/reports");

    /** Counts runs and their overlap; each run waits for {@link #release} when {@link #block} is set. */
    private static final class FakeRunner implements ProfilerRunner {
        final List<ProfileMode> runs = new CopyOnWriteArrayList<>();
        final AtomicInteger active = new AtomicInteger();
        final AtomicInteger maxActive = new AtomicInteger();
        final CountDownLatch release = new CountDownLatch(1);
        volatile boolean block;
        volatile String unavailable;

        @Override
        public ProfileResult profile(ProfileMode mode, Duration duration, Path flameGraph) throws Exception {
            runs.add(mode);
            maxActive.accumulateAndGet(active.incrementAndGet(), Math::max);
            try {
                if (unavailable != null) {
                    throw new ProfilerUnavailableException(unavailable);
                }
                if (block) {
                    release.await(10, TimeUnit.SECONDS);
                }
                return new ProfileResult("async-profiler " + mode.label(), null, mode.label(), T0.toString(), 1.0, 5L,
                        List.of(new CollapsedStacks.TopStack(List.of("Hot.spin"), 5, 1.0)), flameGraph.toString(), null);
            } finally {
                active.decrementAndGet();
            }
        }

        @Override
        public void close() {}
    }

    private final FakeRunner runner = new FakeRunner();
    private final AtomicBoolean maySpend = new AtomicBoolean(true);
    private ProfilerEvidence evidence;

    private ProfilerEvidence collector(boolean enabled) {
        evidence = new ProfilerEvidence(enabled, Duration.ofSeconds(10), DIR, 42, runner, Thread::new, maySpend::get,
                (what, t) -> {
                    throw new AssertionError(what, t);
                });
        return evidence;
    }

    @AfterEach
    void close() {
        runner.release.countDown();
        if (evidence != null) {
            evidence.close();
        }
    }

    private static Finding finding(String id, FindingKind kind, double confidence, Instant first) {
        return new Finding(id, kind, Severity.WARNING, confidence, first, null, "s", Map.of("cause", "x"), List.of(), List.of());
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> profile(ProfilerEvidence e, Finding f) {
        return (Map<String, Object>) e.attach(List.of(f)).get(0).evidence().get("profile");
    }

    @Test
    void offMeansNoRunAndTheReportNamesTheJfrSource() {
        ProfilerEvidence e = collector(false);
        Finding cpu = finding("cpu-saturation:cpu", FindingKind.CPU_SATURATION, 1.0, T0);

        e.update(List.of(cpu), T0);

        assertThat(runner.runs).isEmpty();
        assertThat(profile(e, cpu)).containsEntry("source", "jfr execution samples").containsEntry("fallback", "asyncProfiler=off")
                .containsEntry("topStacks", List.of());
        assertThat(e.attach(List.of(cpu)).get(0).evidence()).containsEntry("cause", "x");
    }

    @Test
    void kindsAsyncProfilerCannotHelpAreLeftAlone() {
        ProfilerEvidence e = collector(true);
        Finding gc = finding("gc-pressure:gc", FindingKind.GC_PRESSURE, 1.0, T0);

        e.update(List.of(gc), T0);

        assertThat(runner.runs).isEmpty();
        assertThat(e.attach(List.of(gc)).get(0)).isEqualTo(gc);
    }

    @Test
    void aFindingNotYetConfidentWaitsAndSaysWhy() {
        ProfilerEvidence e = collector(true);
        Finding lock = finding("lock-contention:lock:A", FindingKind.LOCK_CONTENTION, 0.5, T0);

        e.update(List.of(lock), T0);

        assertThat(runner.runs).isEmpty();
        assertThat((String) profile(e, lock).get("fallback")).contains("only from confidence 0.8 (now 0.50)");
    }

    @Test
    void eachOccurrenceOfAFindingIsProfiledOnce() {
        ProfilerEvidence e = collector(true);
        Finding cpu = finding("cpu-saturation:cpu", FindingKind.CPU_SATURATION, 0.9, T0);

        for (int window = 0; window < 5; window++) {
            e.update(List.of(cpu), T0.plusSeconds(10 * window));
            await().atMost(Duration.ofSeconds(5)).until(() -> "async-profiler cpu".equals(profile(e, cpu).get("source")));
        }
        assertThat(runner.runs).containsExactly(ProfileMode.CPU);
        assertThat(profile(e, cpu)).containsEntry("samples", 5L)
                .containsEntry("flameGraph", "/reports/precog-profile-42-cpu-saturation-cpu.html");

        // the same problem back after it was forgotten is a new occurrence: its last profile shows until it is confident
        Finding back = finding("cpu-saturation:cpu", FindingKind.CPU_SATURATION, 0.5, T0.plusSeconds(3600));
        e.update(List.of(back), T0.plusSeconds(3600));
        assertThat(profile(e, back)).containsEntry("source", "async-profiler cpu").containsEntry("profiledAt", T0.toString());
        Finding again = finding("cpu-saturation:cpu", FindingKind.CPU_SATURATION, 0.9, T0.plusSeconds(3600));
        e.update(List.of(again), T0.plusSeconds(3610));
        await().atMost(Duration.ofSeconds(5)).until(() -> runner.runs.size() == 2);
    }

    @Test
    void runsNeverOverlapAndTheSecondFindingWaitsItsTurn() {
        ProfilerEvidence e = collector(true);
        runner.block = true;
        Finding cpu = finding("cpu-saturation:cpu", FindingKind.CPU_SATURATION, 1.0, T0);
        Finding alloc = finding("allocation-pressure:allocation", FindingKind.ALLOCATION_PRESSURE, 1.0, T0);

        e.update(List.of(cpu, alloc), T0);
        await().atMost(Duration.ofSeconds(5)).until(() -> runner.runs.size() == 1);
        e.update(List.of(cpu, alloc), T0.plusSeconds(10));

        assertThat(profile(e, cpu)).containsEntry("fallback", "async-profiler cpu run in progress");
        assertThat(profile(e, alloc)).containsEntry("source", "jfr allocation samples")
                .containsEntry("fallback", "waiting for another async-profiler run to finish");
        runner.release.countDown();
        await().atMost(Duration.ofSeconds(5)).until(() -> "async-profiler cpu".equals(profile(e, cpu).get("source")));
        e.update(List.of(cpu, alloc), T0.plusSeconds(20));
        await().atMost(Duration.ofSeconds(5)).until(() -> "async-profiler alloc".equals(profile(e, alloc).get("source")));

        assertThat(runner.runs).containsExactly(ProfileMode.CPU, ProfileMode.ALLOC);
        assertThat(runner.maxActive).hasValue(1);
    }

    @Test
    void anUnavailableProfilerLeavesTheJfrEvidenceAndSaysWhy() {
        ProfilerEvidence e = collector(true);
        runner.unavailable = "another async-profiler is already loaded in this JVM (/opt/x/libasyncProfiler.so)";
        Finding leak = finding("memory-leak:heap", FindingKind.MEMORY_LEAK, 1.0, T0);

        e.update(List.of(leak), T0);

        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(profile(e, leak))
                .containsEntry("source", "class histograms and jfr heap summaries")
                .containsEntry("fallback", runner.unavailable).containsEntry("mode", null));
        e.update(List.of(leak), T0.plusSeconds(10));
        assertThat(runner.runs).hasSize(1);
    }

    @Test
    void noRunWhileTheBudgetSaysNoAndAtMostSixAnHour() {
        ProfilerEvidence e = collector(true);
        maySpend.set(false);
        Finding cpu = finding("cpu-saturation:cpu", FindingKind.CPU_SATURATION, 1.0, T0);

        e.update(List.of(cpu), T0);
        assertThat(profile(e, cpu)).containsEntry("fallback", "waiting: the overhead budget is spent");
        assertThat(runner.runs).isEmpty();

        maySpend.set(true);
        for (int i = 0; i < ProfilerEvidence.MAX_RUNS_PER_HOUR + 1; i++) {
            Finding lock = finding("lock-contention:lock:L" + i, FindingKind.LOCK_CONTENTION, 1.0, T0);
            e.update(List.of(lock), T0.plusSeconds(i));
            int expected = Math.min(i + 1, ProfilerEvidence.MAX_RUNS_PER_HOUR);
            await().atMost(Duration.ofSeconds(5)).until(() -> runner.runs.size() == expected
                    && !"async-profiler lock run in progress".equals(profile(e, lock).get("fallback")));
            if (i == ProfilerEvidence.MAX_RUNS_PER_HOUR) {
                assertThat(profile(e, lock)).containsEntry("fallback", "waiting: at most 6 async-profiler runs an hour");
            }
        }
        // an hour later there is room again
        Finding late = finding("lock-contention:lock:late", FindingKind.LOCK_CONTENTION, 1.0, T0);
        e.update(List.of(late), T0.plus(Duration.ofMinutes(61)));
        await().atMost(Duration.ofSeconds(5)).until(() -> runner.runs.size() == ProfilerEvidence.MAX_RUNS_PER_HOUR + 1);
    }
}
