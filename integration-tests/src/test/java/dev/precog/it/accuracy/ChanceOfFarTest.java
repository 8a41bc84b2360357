package dev.precog.it.accuracy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;

class ChanceOfFarTest {

    /**
     * The exact sum against a calibrated forecaster simulated: origins whose points fall inside the
     * 80% band four times in five and outside the 95% band once in twenty, judged as the page judges.
     */
    @Test
    void theExpectedShareIsWhatACalibratedForecasterGets() {
        Random r = new Random(7);
        int trials = 40_000;
        int origins = 24;
        int far = 0;
        for (int t = 0; t < trials; t++) {
            int in80 = 0;
            int in95 = 0;
            for (int o = 0; o < origins; o++) {
                double u = r.nextDouble();
                in80 += u < 0.80 ? 1 : 0;
                in95 += u < 0.95 ? 1 : 0;
            }
            boolean flagged = AccuracyTable.far((double) in80 / origins, AccuracyTable.NOMINAL_80, 100L, (long) origins)
                    || AccuracyTable.far((double) in95 / origins, AccuracyTable.NOMINAL_95, 100L, (long) origins);
            far += flagged ? 1 : 0;
        }
        assertThat(ChanceOfFar.probability(origins)).isCloseTo((double) far / trials, within(0.006)).isBetween(0.02, 0.15);
    }

    @Test
    void fewOriginsAreSeldomFar() {
        // with three trials only none inside the 80% band, or at most one inside the 95% band, is unlikely
        // enough: none inside the 80% band, or exactly one inside it and the other two outside both
        assertThat(ChanceOfFar.probability(3)).isCloseTo(Math.pow(0.2, 3) + 3 * 0.8 * 0.05 * 0.05, within(1e-12));
        assertThat(ChanceOfFar.probability(12)).isLessThan(ChanceOfFar.probability(24));
    }
}
