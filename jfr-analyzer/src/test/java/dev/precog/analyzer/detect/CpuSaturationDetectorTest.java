package dev.precog.analyzer.detect;

import static org.assertj.core.api.Assertions.assertThat;

import dev.precog.analyzer.evidence.Evidence;
import dev.precog.analyzer.timeline.Timeline;
import dev.precog.analyzer.window.WindowAccumulator;
import dev.precog.model.Finding;
import dev.precog.model.FindingKind;
import dev.precog.model.Metric;
import dev.precog.model.Severity;
import dev.precog.model.Suggestion;
import dev.precog.model.Suspect;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import org.junit.jupiter.api.Test;

/** CPU readings and execution samples over 10-second windows, through the whole detector. */
class CpuSaturationDetectorTest {

    private static final Instant T0 = Instant.parse("2025-03-01T12:00:00Z");
    private static final Duration WINDOW = Duration.ofSeconds(10);
    private static final String LAYOUT = "com.acme.ReportRenderer.layout";

    private static List<Finding> detect(int windows, BiConsumer<WindowAccumulator, Integer> readings) {
        Timeline timeline = new Timeline(100);
        WindowAccumulator acc = new WindowAccumulator(T0);
        for (int i = 0; i < windows; i++) {
            readings.accept(acc, i);
            timeline.add(acc.close(T0.plus(WINDOW.multipliedBy(i + 1))));
        }
        AnalysisContext context = new AnalysisContext(timeline, T0.plus(WINDOW.multipliedBy(windows)), 4242L, 1L << 30, null,
                Boolean.TRUE, Evidence.NONE);
        return new CpuSaturationDetector().detect(context);
    }

    private static void cpu(WindowAccumulator acc, double machine, double jvm, double gcMillis) {
        acc.record(Metric.CPU_MACHINE, machine);
        acc.record(Metric.CPU_JVM_USER, jvm * 0.95);
        acc.record(Metric.CPU_JVM_SYSTEM, jvm * 0.05);
        acc.record(Metric.GC_PAUSE_TOTAL, gcMillis);
    }

    private static void renderSamples(WindowAccumulator acc) {
        for (int k = 0; k < 90; k++) {
            acc.recordCpuSample(LAYOUT, "render-" + (k % 4));
        }
        for (int k = 0; k < 10; k++) {
            acc.recordCpuSample("com.acme.Api.handle", "render-0");
        }
        acc.recordCpuSample("com.acme.Rare.once", "render-1");
    }

    @Test
    void aJvmBurningTheMachineNamesItsHotMethod() {
        List<Finding> findings = detect(6, (acc, i) -> {
            cpu(acc, 0.99, 0.93, 20);
            renderSamples(acc);
        });

        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.kind()).isEqualTo(FindingKind.CPU_SATURATION);
            assertThat(f.severity()).isEqualTo(Severity.CRITICAL);
            assertThat(f.summary()).isEqualTo("CPU saturated: the machine is 99% busy over the last 30s; this JVM uses 93% of the"
                    + " machine, most in " + LAYOUT + " (89% of its samples)");
            assertThat(f.evidence()).containsEntry("cause", "this-jvm");
            // the rare method stays evidence; it is no suspect
            assertThat(f.suspects()).extracting(Suspect::className).containsExactly("com.acme.ReportRenderer", "com.acme.Api");
            assertThat(f.suspects().get(0).stackTop()).containsExactly(LAYOUT);
            assertThat(f.suggestions()).extracting(Suggestion::action).first().isEqualTo("Make " + LAYOUT + " cheaper");
        });
    }

    @Test
    void aFlatProfileGivesSmallSharesOfAllSamplesNotOfTheTopTen() {
        // 30 methods with 10 samples each: only ten are kept per window, yet each is 1/30 of the CPU
        List<Finding> findings = detect(6, (acc, i) -> {
            cpu(acc, 0.99, 0.93, 0);
            for (int m = 0; m < 30; m++) {
                for (int k = 0; k < 10; k++) {
                    acc.recordCpuSample("com.acme.Step" + m + ".run", "worker-" + (k % 4));
                }
            }
        });

        @SuppressWarnings("unchecked")
        List<Map<String, Object>> methods = (List<Map<String, Object>>) findings.get(0).evidence().get("hotMethods");
        assertThat(methods).allSatisfy(m -> assertThat((Double) m.get("share")).isLessThan(0.05));
        assertThat(findings.get(0).suspects()).isEmpty();
    }

    @Test
    void collectionsTakingTheTimeBlameGcAndTheAllocatingClasses() {
        List<Finding> findings = detect(6, (acc, i) -> {
            cpu(acc, 0.95, 0.90, 3500);
            acc.recordAllocation("com.acme.PriceTick", 50_000_000, "com.acme.Decoder.decode:40");
        });

        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.evidence()).containsEntry("cause", "gc").containsEntry("gcPauseShare", 0.35);
            assertThat(f.summary()).contains("GC pauses take 35% of the time");
            assertThat(f.suspects()).extracting(Suspect::className).containsExactly("com.acme.PriceTick");
        });
    }

    @Test
    void aBusyJvmOnAMachineANeighbourSaturatesIsAWarningAboutTheNeighbour() {
        List<Finding> findings = detect(6, (acc, i) -> cpu(acc, 0.99, 0.35, 0));

        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.WARNING);
            assertThat(f.evidence()).containsEntry("cause", "neighbour");
            assertThat(f.summary()).endsWith("another process uses 64% of the machine while this JVM needs 35%");
            assertThat(f.suspects()).isEmpty();
            assertThat(f.suggestions()).extracting(Suggestion::command).contains("top -o %CPU");
        });
    }

    /**
     * A recording's last window ends where the recording stops, often a fraction of a second after the
     * one before, while the JVM winds down: it weighs as long as it lasted, not as a whole window, or a
     * JVM using 60% of a saturated machine would be a victim of a neighbour that is not there, and a
     * machine fully busy all but half a second would be saturated only three windows in four.
     */
    @Test
    void aLastWindowCutShortCountsForTheTimeItSpans() {
        Timeline timeline = new Timeline(10);
        WindowAccumulator acc = new WindowAccumulator(T0);
        for (int i = 0; i < 3; i++) {
            cpu(acc, 1.0, 0.6, 0);
            renderSamples(acc);
            timeline.add(acc.close(T0.plus(WINDOW.multipliedBy(i + 1))));
        }
        cpu(acc, 0.9, 0.0, 0);
        Instant stopped = T0.plus(WINDOW.multipliedBy(3)).plusMillis(500);
        timeline.add(acc.close(stopped));
        AnalysisContext context = new AnalysisContext(timeline, stopped, 4242L, 1L << 30, null, Boolean.TRUE, Evidence.NONE);

        List<Finding> findings = new CpuSaturationDetector().detect(context);

        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.evidence()).containsEntry("cause", "this-jvm").containsEntry("jvmCpu", 0.59)
                    .containsEntry("confidenceReason", "the machine was at least 90% busy for 100% of the last 31s (4 windows)");
            assertThat(f.severity()).isEqualTo(Severity.CRITICAL);
            assertThat(f.suspects()).extracting(Suspect::className).first().isEqualTo("com.acme.ReportRenderer");
        });
    }

    @Test
    void aSaturatedMachineThisJvmBarelyUsesIsNotItsFinding() {
        assertThat(detect(6, (acc, i) -> cpu(acc, 0.99, 0.05, 0))).isEmpty();
    }

    @Test
    void aBusyButUnsaturatedMachineOrOneBusyWindowIsNothing() {
        assertThat(detect(6, (acc, i) -> cpu(acc, 0.80, 0.75, 0))).isEmpty();
        assertThat(detect(6, (acc, i) -> cpu(acc, i == 5 ? 1.0 : 0.3, 0.25, 0))).isEmpty();
    }

    @Test
    void stealIsNamed() {
        List<Finding> findings = detect(6, (acc, i) -> {
            cpu(acc, 0.97, 0.80, 0);
            acc.record(Metric.HOST_CPU_STEAL, 0.15);
        });

        assertThat(findings.get(0).summary()).endsWith("; the hypervisor steals 15%");
        assertThat(findings.get(0).evidence()).containsEntry("steal", 0.15);
    }

    @Test
    void aRunQueueLongerThanTheCpusIsNamedAndAShortOneOnlyKeptInTheEvidence() {
        List<Finding> queueing = detect(6, (acc, i) -> {
            cpu(acc, 0.99, 0.90, 0);
            acc.record(Metric.HOST_RUN_QUEUE_PER_CPU, 3.5);
        });
        assertThat(queueing.get(0).summary()).contains("; 3.5 runnable threads per CPU, so threads queue for one");
        assertThat(queueing.get(0).evidence()).containsEntry("runQueuePerCpu", 3.5);

        List<Finding> busy = detect(6, (acc, i) -> {
            cpu(acc, 0.99, 0.90, 0);
            acc.record(Metric.HOST_RUN_QUEUE_PER_CPU, 1.0);
        });
        assertThat(busy.get(0).summary()).doesNotContain("runnable threads");
        assertThat(busy.get(0).evidence()).containsEntry("runQueuePerCpu", 1.0);
    }
}
