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

    /** Each set's recording an independent trial: right bands of any process are called far under 5% of the time. */
    @Test
    void acrossThreeSetsRightBandsAreSeldomCalledFarEvenForPersistentSeries() {
        for (Process p : Process.values()) {
            assertThat(FarTestCalibration.farShareAcrossSets(p, 60, 1.0, 3, RUNS, 15)).as(p.name()).isLessThan(0.05);
        }
    }

    /** What the README says the test across three sets can see: bands too narrow, less often for a persistent series. */
    @Test
    void acrossThreeSetsBandsTooNarrowAreCaughtThoughLessOftenForPersistentSeries() {
        assertThat(FarTestCalibration.farShareAcrossSets(Process.NOISE, 60, 0.6, 3, RUNS, 16)).isGreaterThan(0.6);
        assertThat(FarTestCalibration.farShareAcrossSets(Process.RANDOM_WALK, 60, 0.6, 3, RUNS, 17)).isBetween(0.1, 0.4);
    }

    /** With a fourth set the test can show bands too wide, and right bands of a random walk stay under 5%. */
    @Test
    void acrossFourSetsBandsTooWideAreCaughtAndRightOnesStillSeldom() {
        assertThat(FarTestCalibration.farShareAcrossSets(Process.RANDOM_WALK, 60, 1.0, 4, RUNS, 19)).isLessThan(0.05);
        assertThat(FarTestCalibration.farShareAcrossSets(Process.NOISE, 60, 1.6, 4, RUNS, 20)).isGreaterThan(0.8);
    }

    /**
     * A fifth set: bands too narrow of a random walk are caught more often than over four, bands too wide
     * of a wandering level nearly always, and right bands of a random walk are called far about one
     * time in twenty (the t-test on five skewed coverages; over four, half as often).
     */
    @Test
    void acrossFiveSetsMoreIsCaughtAndRightBandsOfARandomWalkAboutOneTimeInTwenty() {
        assertThat(FarTestCalibration.farShareAcrossSets(Process.RANDOM_WALK, 60, 1.0, 5, RUNS, 21)).isLessThan(0.08);
        assertThat(FarTestCalibration.farShareAcrossSets(Process.RANDOM_WALK, 60, 0.6, 5, RUNS, 22)).isBetween(0.5, 0.8);
        assertThat(FarTestCalibration.farShareAcrossSets(Process.WANDERING, 60, 1.6, 5, RUNS, 23)).isGreaterThan(0.8);
    }

    /**
     * Six sets, as the across-sets page has: right bands of a random walk still called far under one time in
     * twelve, bands too narrow of a random walk caught three times in four, too wide of a wandering level
     * nearly always.
     */
    @Test
    void acrossSixSetsBandsTooNarrowOrTooWideAreCaughtAndRightOnesSeldom() {
        assertThat(FarTestCalibration.farShareAcrossSets(Process.RANDOM_WALK, 60, 1.0, 6, RUNS, 24)).isLessThan(0.08);
        assertThat(FarTestCalibration.farShareAcrossSets(Process.RANDOM_WALK, 60, 0.6, 6, RUNS, 25)).isBetween(0.65, 0.9);
        assertThat(FarTestCalibration.farShareAcrossSets(Process.WANDERING, 60, 1.6, 6, RUNS, 26)).isGreaterThan(0.85);
    }

    /**
     * Seven sets, as the across-sets page has since set 21: right bands of a random walk called far under one
     * time in twelve, bands too narrow of a random walk caught about nine times in ten, too wide of a
     * wandering level nearly always.
     */
    @Test
    void acrossSevenSetsBandsTooNarrowOrTooWideAreCaughtAndRightOnesSeldom() {
        assertThat(FarTestCalibration.farShareAcrossSets(Process.RANDOM_WALK, 60, 1.0, 7, RUNS, 27)).isLessThan(0.08);
        assertThat(FarTestCalibration.farShareAcrossSets(Process.RANDOM_WALK, 60, 0.6, 7, RUNS, 28)).isBetween(0.75, 0.97);
        assertThat(FarTestCalibration.farShareAcrossSets(Process.WANDERING, 60, 1.6, 7, RUNS, 29)).isGreaterThan(0.9);
    }

    /**
     * Eight sets, as the across-sets page has since set 22: right bands of a random walk called far under one
     * time in twelve, bands too narrow of a random walk caught more than nine times in ten, too wide of a
     * wandering level nearly always.
     */
    @Test
    void acrossEightSetsBandsTooNarrowOrTooWideAreCaughtAndRightOnesSeldom() {
        assertThat(FarTestCalibration.farShareAcrossSets(Process.RANDOM_WALK, 60, 1.0, 8, RUNS, 30)).isLessThan(0.08);
        assertThat(FarTestCalibration.farShareAcrossSets(Process.RANDOM_WALK, 60, 0.6, 8, RUNS, 31)).isBetween(0.85, 1.0);
        assertThat(FarTestCalibration.farShareAcrossSets(Process.WANDERING, 60, 1.6, 8, RUNS, 32)).isGreaterThan(0.9);
    }
}
