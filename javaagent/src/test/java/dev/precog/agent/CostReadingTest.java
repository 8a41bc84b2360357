package dev.precog.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.precog.model.RecentCost;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CostReadingTest {

    private static final long SECOND = 1_000_000_000L;

    @Test
    void recentCostIsTheDifferenceOverTheSpanAsSharesAndRates() {
        CostReading start = new CostReading(0, 5 * SECOND, 1 * SECOND, 1_000, 100 * SECOND, 1_000_000,
                Map.of("jdk.ThreadPark", 10L, "jdk.CPULoad", 5L), 2_000);
        CostReading end = new CostReading(10 * SECOND, 5 * SECOND + 40_000_000, SECOND + 10_000_000, 1_000 + 500_000,
                100 * SECOND + 2 * SECOND, 1_000_000 + 10_000_000,
                Map.of("jdk.ThreadPark", 110L, "jdk.CPULoad", 15L, "jdk.ExecutionSample", 50L), 2_000 + 40_960);
        RecentCost r = end.since(start);
        assertThat(r.seconds()).isEqualTo(10.0);
        assertThat(r.agentCpuMillis()).isEqualTo(40);
        assertThat(r.jfrThreadsCpuMillis()).isEqualTo(10);
        assertThat(r.cpuFractionOfOneCore()).as("50 ms in 10 s").isCloseTo(0.005, within(1e-12));
        assertThat(r.cpuFractionOfProcess()).as("50 ms of 2 s").isCloseTo(0.025, within(1e-12));
        assertThat(r.allocatedBytesPerSecond()).isEqualTo(50_000.0);
        assertThat(r.allocatedFractionOfProcess()).isEqualTo(0.05);
        assertThat(r.jfrEventsPerSecond()).isEqualTo(16.0);
        assertThat(r.jfrBytesPerSecond()).isEqualTo(4096.0);
        assertThat(r.topEventTypes()).extracting(RecentCost.EventTypeRate::eventType)
                .containsExactly("jdk.ThreadPark", "jdk.ExecutionSample", "jdk.CPULoad");
        assertThat(r.topEventTypes().get(0).perSecond()).isEqualTo(10.0);
    }

    @Test
    void whatIsUnknownAtEitherEndIsNullNotZero() {
        CostReading start = new CostReading(0, 0, -1, 0, -1, -1, Map.of(), -1);
        CostReading end = new CostReading(SECOND, 10_000_000, 5_000_000, 100, 2 * SECOND, 1_000, Map.of(), 4_096);
        RecentCost r = end.since(start);
        assertThat(r.jfrThreadsCpuMillis()).isNull();
        assertThat(r.cpuFractionOfOneCore()).as("the agent's threads alone").isCloseTo(0.01, within(1e-12));
        assertThat(r.cpuFractionOfProcess()).isNull();
        assertThat(r.allocatedFractionOfProcess()).isNull();
        assertThat(r.jfrBytesPerSecond()).isNull();
        assertThat(end.since(end)).as("no time passed").isNull();
    }
}
