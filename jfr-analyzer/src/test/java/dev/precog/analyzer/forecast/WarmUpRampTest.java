package dev.precog.analyzer.forecast;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import java.util.function.IntToDoubleFunction;
import org.junit.jupiter.api.Test;

class WarmUpRampTest {

    private static final double MB = 1e6;

    /** {@code n} points 10 s apart, the last at 0, of {@code shape} plus +/- 0.3 MB of noise. */
    private static int start(int n, IntToDoubleFunction shape) {
        Random random = new Random(11);
        double[] x = new double[n];
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = 10.0 * (i - (n - 1));
            v[i] = shape.applyAsDouble(i) + (2 * random.nextDouble() - 1) * 0.3 * MB;
        }
        return WarmUpRamp.start(x, v);
    }

    @Test
    void aCacheThatWarmedUpAndHeldIsForecastFromWhereItHeld() {
        // 20 MB a point for five points, then 110 MB give or take a creep of 0.02 MB a point
        assertThat(start(20, i -> i < 5 ? 10 * MB + 20 * MB * i : 110 * MB + 0.02 * MB * i)).isEqualTo(5);
    }

    @Test
    void aLineIsNoRampHoweverLong() {
        assertThat(start(20, i -> 100 * MB + 2 * MB * i)).isZero();
        assertThat(start(60, i -> 100 * MB + 2 * MB * i)).isZero();
    }

    @Test
    void aSawtoothsEarlierTeethFallInsideItsBand() {
        assertThat(start(40, i -> 60 * MB + 10 * MB * (i % 8))).isZero();
    }

    @Test
    void aStaircasesLatestStairIsShorterThanTheStairsBeforeIt() {
        // 18 MB every nine points: the last stair has held for nine points, the ones before it for 27
        assertThat(start(36, i -> 10 * MB + 18 * MB * (i / 9))).isZero();
    }

    @Test
    void aHoldTooShortToFitIsNotTakenForTheEndOfTheRamp() {
        assertThat(start(12, i -> i < 5 ? 10 * MB + 20 * MB * i : 110 * MB)).isZero();
    }

    @Test
    void aLevelThatNeverRampedKeepsItsWholeHistory() {
        assertThat(start(30, i -> 110 * MB)).isZero();
    }
}
