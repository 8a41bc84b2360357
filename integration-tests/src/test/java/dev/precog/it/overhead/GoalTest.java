package dev.precog.it.overhead;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class GoalTest {

    @Test
    void metOnlyWhenTheWholeIntervalIsWithinTheLimit() {
        assertThat(Goal.THROUGHPUT_VS_NONE.verdict(0.4, -0.3, 0.9)).isEqualTo("met");
        assertThat(Goal.THROUGHPUT_VS_NONE.verdict(0.4, -0.3, 1.6)).isEqualTo("met by the median; the interval reaches 1.60%");
    }

    @Test
    void missedSaysByHowMuchAndWhetherTheIntervalAgrees() {
        assertThat(Goal.MEMORY.verdict(42, 38, 47)).isEqualTo("missed by 12 MB");
        assertThat(Goal.STARTUP.verdict(320, 250, 400)).isEqualTo("missed by 20 ms (the interval reaches down to 250 ms)");
        assertThat(Goal.STARTUP.verdict(Double.NaN, Double.NaN, Double.NaN)).isEqualTo("not measured");
    }
}
