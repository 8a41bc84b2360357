package dev.precog.agent;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** What an operator sees the budget controller do, fed one reading a second. */
class BudgetControllerTest {

    private static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");
    private static final double BUDGET = 0.01;
    private static final Duration SETTLE = Duration.ofSeconds(10);
    private static final Duration PERIOD = Duration.ofSeconds(60);

    /** Feeds readings each second while the agent costs {@code share} of one core; returns the level after each. */
    private static final class Agent {
        final BudgetController controller = new BudgetController(BUDGET, 4, SETTLE, PERIOD, Duration.ZERO);
        long second;
        long cpuNanos;

        /** The first reading, at T0: the baseline. */
        void start() {
            controller.update(T0, 0);
        }

        int run(double share, long seconds) {
            int level = controller.level();
            for (long i = 0; i < seconds; i++) {
                second++;
                cpuNanos += (long) (share * 1e9);
                level = controller.update(T0.plusSeconds(second), cpuNanos);
            }
            return level;
        }
    }

    @Test
    void withinBudgetStaysAtLevelZeroAndSaysSo() {
        Agent agent = new Agent();
        assertThat(agent.run(0.006, 600)).isZero();
        assertThat(agent.controller.reason()).startsWith("within budget (0.60% of one core over the last 60s, budget 1.00%)");
        assertThat(agent.controller.measured()).isCloseTo(0.006, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(agent.controller.changedAt()).isNull();
    }

    @Test
    void theWarmUpIsNeitherJudgedNorCounted() {
        BudgetController controller = new BudgetController(BUDGET, 4, SETTLE, PERIOD, Duration.ofSeconds(60));
        // a costly start: a whole core for the first minute
        for (int s = 0; s < 60; s++) {
            assertThat(controller.update(T0.plusSeconds(s), s * 1_000_000_000L)).isZero();
        }
        assertThat(controller.reason()).startsWith("not judged yet: the agent is warming up (60s)");
        assertThat(controller.measured()).isNull();
        // then cheap: the start does not count against it
        long cpu = 60 * 1_000_000_000L;
        for (int s = 60; s < 600; s++) {
            cpu += 5_000_000;
            assertThat(controller.update(T0.plusSeconds(s), cpu)).isZero();
        }
        assertThat(controller.measured()).isCloseTo(0.005, org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    void nothingIsJudgedBeforeTheSettleTime() {
        Agent agent = new Agent();
        agent.start();
        assertThat(agent.run(0.5, 9)).isZero();
        assertThat(agent.controller.measured()).isNull();
        assertThat(agent.controller.reason()).startsWith("not judged yet");
        assertThat(agent.run(0.5, 1)).isEqualTo(1);
    }

    @Test
    void overBudgetStepsDownOneLevelPerSettleTimeToTheLastLevel() {
        Agent agent = new Agent();
        agent.start();
        // a tenth of a core spends a minute's allowance (0.6 s) within the settle time
        assertThat(agent.run(0.1, 10)).isEqualTo(1);
        assertThat(agent.controller.reason())
                .isEqualTo("over budget (10.00% of one core over the last 10s, budget 1.00%): lowered to level 1");
        // the new level is judged on its own cost: not before another settle time
        assertThat(agent.run(0.1, 9)).isEqualTo(1);
        assertThat(agent.run(0.1, 1)).isEqualTo(2);
        assertThat(agent.run(0.1, 20)).isEqualTo(4);
        assertThat(agent.run(0.1, 300)).as("never past the last level").isEqualTo(4);
        assertThat(agent.controller.reason()).startsWith("still over budget at the last level (10.00% of one core");
    }

    @Test
    void aCostOverTheRateIsLoweredOnlyOnceItHasSpentThePeriodsAllowance() {
        Agent agent = new Agent();
        agent.start();
        // 1.5% of a core: over the budget's rate, but a minute allows 0.6 s, spent only after 40 s
        assertThat(agent.run(0.015, 30)).isZero();
        assertThat(agent.controller.reason()).startsWith(
                "within budget so far (1.50% of one core over the last 30s, budget 1.00%; under the allowance of a full 60s)");
        assertThat(agent.run(0.015, 10)).isZero();
        assertThat(agent.run(0.015, 1)).as("0.615 s spent in 41 s").isEqualTo(1);

        // a costly start paid back by cheap seconds within the minute is within budget
        Agent paysBack = new Agent();
        paysBack.start();
        paysBack.run(0.05, 10);
        assertThat(paysBack.run(0.002, 50)).isZero();
        assertThat(paysBack.controller.reason()).startsWith("within budget (1.00% of one core over the last 60s");
    }

    @Test
    void aLevelThatKeepsTheBudgetIsKeptWhileNotWellUnderIt() {
        Agent agent = new Agent();
        agent.start();
        agent.run(0.1, 10);
        // at 70% of the budget: inside it, but not under half, so no step back up, however long
        assertThat(agent.run(0.007, 3 * 3600)).isEqualTo(1);
        assertThat(agent.controller.reason()).startsWith("at level 1 (0.70% of one core over the last 60s, budget 1.00%)");
    }

    @Test
    void stepsBackUpOnlyAfterTheRecoveryWaitWellUnderBudget() {
        Agent agent = new Agent();
        agent.start();
        agent.run(0.1, 10);
        Instant lowered = agent.controller.changedAt();
        assertThat(agent.run(0.002, 299)).as("cheap, but the recovery wait is 5 minutes").isEqualTo(1);
        assertThat(agent.run(0.002, 1)).isZero();
        assertThat(Duration.between(lowered, agent.controller.changedAt())).isEqualTo(Duration.ofMinutes(5));
        assertThat(agent.controller.reason()).startsWith("well under budget (0.20% of one core over the last 60s, budget 1.00%):"
                + " raised to level 0");
    }

    @Test
    void aStepUpThatHadToBeUndoneDoublesTheWaitBeforeTheNextTry() {
        Agent agent = new Agent();
        agent.start();
        agent.run(0.1, 10);
        agent.run(0.002, 300);
        assertThat(agent.controller.level()).isZero();
        // level 0 costs too much again: back down, and the next try waits twice as long
        assertThat(agent.run(0.1, 10)).isEqualTo(1);
        assertThat(agent.controller.recoveryWait()).isEqualTo(Duration.ofMinutes(10));
        assertThat(agent.run(0.002, 599)).isEqualTo(1);
        assertThat(agent.run(0.002, 1)).isZero();
        for (int bounce = 0; bounce < 10; bounce++) {
            agent.run(0.1, 10);
            agent.run(0.002, (int) agent.controller.recoveryWait().toSeconds());
        }
        assertThat(agent.controller.recoveryWait()).as("capped").isEqualTo(BudgetController.MAX_RECOVERY_WAIT);
    }

    @Test
    void whatWasSpentBeforeAChangeDoesNotCountAgainstTheNewLevel() {
        Agent agent = new Agent();
        agent.start();
        // a burst: 30 s of a whole core in the first second
        agent.second = 1;
        agent.cpuNanos = (long) 30e9;
        agent.controller.update(T0.plusSeconds(1), agent.cpuNanos);
        assertThat(agent.run(0.001, 9)).as("judged at 10 s, burst included").isEqualTo(1);
        assertThat(agent.run(0.001, 60)).isEqualTo(1);
        assertThat(agent.controller.measured()).as("the minute after the change, without the burst")
                .isCloseTo(0.001, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(agent.controller.measuredOverSeconds()).isEqualTo(60.0);
        assertThat(agent.run(0.001, 240)).as("cheap since, so level 0 comes back after the recovery wait").isZero();
    }

    @Test
    void theMeasuredShareIsTheLastMinutesNotTheLifetimes() {
        Agent agent = new Agent();
        agent.start();
        agent.run(0.009, 600);
        // a cheaper minute after ten costlier ones: the judgement follows the minute
        agent.run(0.001, 60);
        assertThat(agent.controller.measured()).isCloseTo(0.001, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(agent.controller.level()).isZero();
    }

    @Test
    void aShorterPeriodIsWhatIsJudgedAndWhatMustPassCheaply() {
        BudgetController controller = new BudgetController(BUDGET, 4, SETTLE, Duration.ofSeconds(20), Duration.ZERO);
        long cpu = 0;
        controller.update(T0, cpu);
        for (int s = 1; s <= 120; s++) {
            cpu += 6_000_000;
            controller.update(T0.plusSeconds(s), cpu);
        }
        assertThat(controller.reason()).startsWith("within budget (0.60% of one core over the last 20s, budget 1.00%)");
        assertThat(controller.measuredOverSeconds()).isEqualTo(20.0);
        for (int s = 121; s <= 130; s++) {
            cpu += 20_000_000;
            controller.update(T0.plusSeconds(s), cpu);
        }
        assertThat(controller.level()).isEqualTo(1);
        assertThat(controller.reason()).startsWith("over budget (");
        for (int s = 131; s <= 300; s++) {
            cpu += 6_000_000;
            controller.update(T0.plusSeconds(s), cpu);
        }
        assertThat(controller.reason()).endsWith("steps up after 5m at this level with a full 20s under 0.50%");
    }

    @Test
    void aPeriodNoLongerThanTheSettleTimeIsJudgedWhenReadingsComeLate() {
        // 10-s windows, each reading a few ms later than the last: the span reaches the period only by keeping
        // the reading from just before it
        BudgetController controller = new BudgetController(BUDGET, 4, Duration.ofSeconds(20), Duration.ofSeconds(20),
                Duration.ZERO);
        long cpu = 0;
        Instant at = T0;
        controller.update(at, cpu);
        for (int w = 1; w <= 6; w++) {
            at = at.plusMillis(10_007);
            cpu += 60_000_000;
            controller.update(at, cpu);
        }
        assertThat(controller.measured()).isNotNull();
        assertThat(controller.measuredOverSeconds()).isGreaterThanOrEqualTo(20.0).isLessThan(30.0);
        assertThat(controller.reason()).startsWith("within budget (0.60% of one core over the last 20s");
    }
}
