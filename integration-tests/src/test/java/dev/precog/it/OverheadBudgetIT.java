package dev.precog.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.precog.it.harness.ChildJvm;
import dev.precog.it.harness.Cli;
import dev.precog.it.harness.Jdk;
import dev.precog.it.harness.Paths;
import dev.precog.it.harness.PrecogJmx;
import dev.precog.it.harness.Reports;
import dev.precog.it.workload.AllocationHeavyService;
import dev.precog.it.workload.ChurningCacheService;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The agent's self-accounting and overhead budget on a real JVM: with a budget no agent can keep
 * it walks down its whole ladder, the lowered JFR settings take effect in the running recording,
 * and the report, the MBean and status say what was lowered and why; with the default budget on a
 * light service it samples as configured and reports its measured cost. The tiny budget is judged
 * over a 20-s {@code overheadPeriod} instead of the default minute (which is also the warm-up), so
 * the ladder is walked in about a minute and a half; the light service keeps the default minute.
 */
@Order(SuiteOrder.CPU_HEAVY)
class OverheadBudgetIT {

    /** The ladder's last level (SamplingLadder.LEVELS). */
    private static final int LAST_LEVEL = 4;
    /** jdk.ObjectAllocationSample's throttle once lowered is 30/s; JFR's throttle may overshoot a little. */
    private static final double LOWERED_ALLOCATION_SAMPLES_PER_SECOND = 36;
    /** The overheadPeriod the tiny-budget test runs with. */
    private static final int PERIOD_SECONDS = 20;
    /**
     * The default overheadPeriod, which the light service runs with: its first period is the
     * warm-up, and on a busy machine 20 s did not cover the agent's own (its code still
     * interpreted, a judged period over 1% of a core).
     */
    private static final int DEFAULT_PERIOD_SECONDS = 60;

    static Stream<Jdk> jdks() {
        return Jdk.all().stream();
    }

    /** The default-budget case on the test JDK only: the tiny-budget case covers both JDKs' JFR threads and settings. */
    static Stream<Jdk> currentJdk() {
        return Stream.of(Jdk.current());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("jdks")
    @ResourceLock(CpuHeavy.LOCK)
    void aBudgetTooSmallToKeepLowersEveryStepAndSaysWhat(Jdk jdk) throws Exception {
        Path dir = Paths.workDir("budget-tiny-" + jdk.name());
        // one thread allocating as fast as it can: the allocation-sample throttle is what limits those events
        try (ChildJvm service = ChildJvm.on(jdk, dir)
                .jvmArgs("-Xmx256m", "-XX:+UseG1GC")
                .agent("reportDir=" + dir + ",window=2s,interval=2s,overheadBudget=0.01%,overheadPeriod=" + PERIOD_SECONDS + "s")
                .start(AllocationHeavyService.class)) {
            Path reportFile = Reports.file(dir, service.pid());
            // the first period is warm-up, never judged: its last reports show the sampling as configured
            JsonNode configured = Reports.await(service, reportFile, "most of the warm-up period at level 0", Duration.ofMinutes(3),
                    r -> {
                        assertThat(budget(r).path("level").asInt()).as(() -> r.path("agent").toString()).isZero();
                        assertThat(r.path("agent").path("recent").path("seconds").asDouble()).isGreaterThanOrEqualTo(0.7 * PERIOD_SECONDS);
                    });
            assertThat(perSecond(configured, "jdk.ObjectAllocationSample"))
                    .as(() -> "throttled at 150/s: " + configured.path("agent").path("recent"))
                    .isGreaterThan(2 * LOWERED_ALLOCATION_SAMPLES_PER_SECOND);

            // then one level per judgement (10 s each)
            JsonNode lowest = Reports.await(service, reportFile, "the ladder's last level", Duration.ofMinutes(3),
                    r -> assertThat(budget(r).path("level").asInt()).as(() -> r.path("agent").toString()).isEqualTo(LAST_LEVEL));
            JsonNode budget = budget(lowest);
            assertThat(budget.path("maxLevel").asInt()).isEqualTo(LAST_LEVEL);
            assertThat(budget.path("budgetFractionOfOneCore").asDouble()).isEqualTo(0.0001);
            assertThat(budget.path("measuredFractionOfOneCore").asDouble()).isGreaterThan(0.0001);
            assertThat(budget.path("measuredOverSeconds").asDouble()).isGreaterThanOrEqualTo(10);
            assertThat(budget.path("reason").asText()).contains("over budget (", "budget 0.01%)");
            assertThat(texts(budget.path("actions"))).satisfiesExactly(
                    a -> assertThat(a).startsWith("level 1: JFR sampling lowered 5-fold")
                            .contains("jdk.ExecutionSample period 1000 ms (was 200 ms)",
                                    "jdk.ObjectAllocationSample throttle 30/s (was 150/s)"),
                    a -> assertThat(a).startsWith("level 2: JFR waits recorded only when 5 times longer")
                            .contains("jdk.ThreadPark threshold 50 ms (was 10 ms)", "jdk.JavaMonitorEnter threshold 50 ms (was 10 ms)"),
                    a -> assertThat(a).startsWith("level 3: evidence escalation paused"),
                    a -> assertThat(a).startsWith("level 4: host metrics sampled every 2s instead of 1s"));
            assertThat(Reports.violations(lowest)).isEmpty();
            // its own classes and their metaspace, on each JDK (17 prints VM.classloader_stats in words, 25 in bytes):
            // about 5 KB a class on both, an eighth or eight times that if the unit were misread
            JsonNode agent = lowest.path("agent");
            long classes = agent.path("classCount").asLong();
            assertThat(classes).as(agent::toString).isBetween(100L, 20_000L);
            assertThat((double) agent.path("classMetaspaceBytes").asLong() / classes).as("metaspace bytes per class: %s", agent)
                    .isBetween(2.0 * 1024, 16.0 * 1024);

            // the lowered settings took effect in the running recording: over a recent period wholly
            // after the last change, allocation samples come at the lowered throttle. (Execution samples
            // are no such measure here: the thread is mostly in allocation and GC, where it is not sampled,
            // so a longer period loses fewer of its samples than it skips.)
            Instant lastChange = Instant.parse(budget.path("since").asText());
            JsonNode lowered = Reports.await(service, reportFile, "a recent period wholly after the last change", Duration.ofMinutes(3),
                    r -> assertThat(Instant.parse(r.path("generatedAt").asText())
                            .minusMillis((long) (r.path("agent").path("recent").path("seconds").asDouble() * 1000))).isAfter(lastChange));
            assertThat(perSecond(lowered, "jdk.ObjectAllocationSample")).as(lowered.path("agent").path("recent")::toString)
                    .isLessThanOrEqualTo(LOWERED_ALLOCATION_SAMPLES_PER_SECOND);

            // the MBean and status say it too
            try (PrecogJmx jmx = PrecogJmx.connect(service.pid())) {
                assertThat(jmx.attribute("OverheadLevel")).isEqualTo(LAST_LEVEL);
                assertThat((String[]) jmx.attribute("OverheadActions")).hasSize(LAST_LEVEL);
                assertThat((String) jmx.attribute("Status")).contains("sampling lowered to level 4 of 4 to keep its overhead budget");
                assertThat((Long) jmx.attribute("AgentClassMetaspaceBytes")).isPositive();
            }
            Cli.Result status = Cli.run(jdk, dir, "status", Long.toString(service.pid()));
            assertThat(status.exitCode()).as(status.stderr()).isZero();
            assertThat(status.stdout()).contains(" classes hold ", "Overhead budget 0.01% of one core: level 4 of 4, ",
                    "  level 1: JFR sampling lowered 5-fold", "  level 3: evidence escalation paused");
            assertThat(service.stderr()).as("the agent prints nothing into the application's stderr").isBlank();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("currentJdk")
    void theDefaultBudgetOnALightServiceSamplesAsConfiguredAndReportsTheMeasuredCost(Jdk jdk) throws Exception {
        Path dir = Paths.workDir("budget-default-" + jdk.name());
        try (ChildJvm service = ChildJvm.on(jdk, dir)
                .jvmArgs("-Xmx256m", "-XX:+UseG1GC")
                // the default budget, named: without it the harness would allow the whole core
                .agent("reportDir=" + dir + ",interval=10s,overheadBudget=1%,overheadPeriod=" + DEFAULT_PERIOD_SECONDS + "s")
                .start(ChurningCacheService.class, "20")) {
            Path reportFile = Reports.file(dir, service.pid());
            // a period of warm-up, then a whole period judged
            JsonNode report = Reports.await(service, reportFile, "a whole period judged", Duration.ofMinutes(6), r -> {
                assertThat(budget(r).path("level").asInt()).as(() -> budget(r).toString()).isZero();
                assertThat(budget(r).path("measuredOverSeconds").asDouble()).as(() -> budget(r).toString())
                        .isGreaterThanOrEqualTo(DEFAULT_PERIOD_SECONDS - 1);
            });
            JsonNode agent = report.path("agent");
            JsonNode budget = budget(report);
            assertThat(budget.path("budgetFractionOfOneCore").asDouble()).isEqualTo(0.01);
            assertThat(budget.path("measuredFractionOfOneCore").asDouble()).isPositive().isLessThan(0.01);
            assertThat(budget.path("reason").asText()).startsWith("within budget (");
            assertThat(budget.path("actions")).isEmpty();
            assertThat(budget.get("since").isNull()).as("never moved").isTrue();

            JsonNode recent = agent.path("recent");
            assertThat(recent.path("seconds").asDouble()).isBetween(DEFAULT_PERIOD_SECONDS - 5.0, DEFAULT_PERIOD_SECONDS + 15.0);
            assertThat(recent.path("agentCpuMillis").asLong()).isPositive();
            assertThat(recent.path("jfrThreadsCpuMillis").isIntegralNumber()).as("Linux shows JFR's threads").isTrue();
            assertThat(recent.path("cpuFractionOfProcess").asDouble()).isPositive().isLessThan(1.0);
            assertThat(recent.path("allocatedBytesPerSecond").asDouble()).isPositive();
            assertThat(recent.path("allocatedFractionOfProcess").asDouble()).isPositive().isLessThan(1.0);
            assertThat(recent.path("jfrEventsPerSecond").asDouble()).isPositive();
            assertThat(recent.path("jfrBytesPerSecond").asDouble()).isPositive();
            assertThat(recent.path("topEventTypes")).isNotEmpty();
            assertThat(agent.path("retainedBytes").asLong()).as("a few windows and a report: some KB, not many MB")
                    .isBetween(10_000L, 32L * 1024 * 1024);
            assertThat(agent.path("retainedFractionOfMaxHeap").asDouble()).isPositive().isLessThan(0.1);
            assertThat(agent.path("jfrThreadsCpuTimeMillis").isIntegralNumber()).isTrue();
            assertThat(Reports.violations(report)).isEmpty();

            try (PrecogJmx jmx = PrecogJmx.connect(service.pid())) {
                assertThat(jmx.attribute("OverheadLevel")).isEqualTo(0);
                assertThat((Long) jmx.attribute("AgentRetainedBytes")).isPositive();
                assertThat((Double) jmx.attribute("JfrEventsPerSecond")).isPositive();
                assertThat((Double) jmx.attribute("OverheadBudgetFractionOfOneCore")).isEqualTo(0.01);
            }
            Cli.Result status = Cli.run(jdk, dir, "status", Long.toString(service.pid()));
            assertThat(status.exitCode()).as(status.stderr()).isZero();
            assertThat(status.stdout()).contains("Agent cost over the last ", "Overhead budget 1.00% of one core: level 0 of 4, within budget");
        }
    }

    /** Waits for a report that passes {@code check} while the service lives; returns that report. */
    private static JsonNode budget(JsonNode report) {
        return report.path("agent").path("budget");
    }

    /** The rate of one event type over the report's recent period; 0 when it is not among the top types. */
    private static double perSecond(JsonNode report, String eventType) {
        for (JsonNode t : report.path("agent").path("recent").path("topEventTypes")) {
            if (t.path("eventType").asText().equals(eventType)) {
                return t.path("perSecond").asDouble();
            }
        }
        return 0;
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }
}
