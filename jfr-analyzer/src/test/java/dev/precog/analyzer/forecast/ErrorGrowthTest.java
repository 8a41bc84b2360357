package dev.precog.analyzer.forecast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.precog.analyzer.forecast.ModelSelection.ErrorGrowth;
import org.junit.jupiter.api.Test;

class ErrorGrowthTest {

    /** A series seen flat for a minute is not known to stay flat for ten: past the leads measured, it wanders. */
    @Test
    void aSpreadThatNeverGrewGrowsLikeARandomWalkPastWhatWasSeen() {
        ErrorGrowth flat = new ErrorGrowth(2, 0, 10, 60);

        assertThat(flat.at(30)).isCloseTo(2, within(1e-9));
        assertThat(flat.at(60)).isCloseTo(2, within(1e-9));
        assertThat(flat.at(240)).isCloseTo(4, within(1e-9));
    }

    /** A series that swung across its band again and again: past the leads measured its spread goes on as it grew within them. */
    @Test
    void aBoundedSpreadGoesOnAtItsOwnPowerPastWhatWasSeen() {
        ErrorGrowth flat = new ErrorGrowth(2, 0, 10, 60).bounded();
        ErrorGrowth slow = new ErrorGrowth(2, 0.2, 10, 60).bounded();

        assertThat(flat.at(240)).isCloseTo(2, within(1e-9));
        assertThat(slow.at(240)).isCloseTo(2 * Math.pow(24, 0.2), within(1e-9));
    }

    @Test
    void aSpreadGrowingFasterThanAWrongSlopeGrowsOnlyLinearlyPastWhatWasSeen() {
        ErrorGrowth steep = new ErrorGrowth(1, 1.5, 10, 40);

        assertThat(steep.at(40)).isCloseTo(8, within(1e-9));
        assertThat(steep.at(80)).isCloseTo(16, within(1e-9));
    }

    @Test
    void aSpreadGrowingInBetweenKeepsItsPower() {
        ErrorGrowth walk = new ErrorGrowth(1, 0.8, 10, 40);

        assertThat(walk.at(160)).isCloseTo(Math.pow(16, 0.8), within(1e-9));
    }
}
