package dev.precog.it.accuracy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.precog.it.accuracy.FarTestCalibration.Process;
import org.junit.jupiter.api.Test;

class FarTestCalibrationTest {

    private static final int RUNS = 600;

    @Test
    void rightBandsOfIndependentNoiseAreSeldomCalledFar() {
        assertThat(FarTestCalibration.farShare(Process.NOISE, 60, 1.0, RUNS, 11)).isLessThan(0.07);
    }

    /**
     * What the README says of the page's chance count: a floor, since right bands of a persistent
     * series are called far several times as often as the 5% the test is set at.
     */
    @Test
    void rightBandsOfAPersistentSeriesAreCalledFarWellOverOneTimeInTwenty() {
        assertThat(FarTestCalibration.farShare(Process.RANDOM_WALK, 60, 1.0, RUNS, 12)).isBetween(0.12, 0.3);
        assertThat(FarTestCalibration.farShare(Process.WANDERING, 60, 1.0, RUNS, 13)).isBetween(0.1, 0.3);
    }

    @Test
    void bandsTooNarrowAreCaughtMostOfTheTime() {
        for (Process p : Process.values()) {
            assertThat(FarTestCalibration.farShare(p, 60, 0.6, RUNS, 14)).as(p.name()).isGreaterThan(0.5);
        }
    }
}
