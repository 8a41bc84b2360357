package dev.precog.analyzer.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class TheilSenTest {

    @Test
    void exactLineIsRecoveredWithAZeroWidthInterval() {
        double[] x = IntStream.range(0, 12).asDoubleStream().toArray();
        double[] y = IntStream.range(0, 12).mapToDouble(i -> 3.0 * i + 2).toArray();

        TheilSen fit = TheilSen.fit(x, y, 0.95);

        assertThat(fit.slope()).isCloseTo(3, within(1e-12));
        assertThat(fit.intercept()).isCloseTo(2, within(1e-12));
        assertThat(fit.slopeLow()).isCloseTo(3, within(1e-12));
        assertThat(fit.slopeHigh()).isCloseTo(3, within(1e-12));
        assertThat(fit.level()).isEqualTo(0.95);
        assertThat(fit.residualScale()).isCloseTo(0, within(1e-12));
        assertThat(fit.valueAt(100)).isCloseTo(302, within(1e-9));
    }

    @Test
    void oneOutlierBarelyMovesTheSlopeUnlikeLeastSquares() {
        int n = 20;
        double[] x = IntStream.range(0, n).asDoubleStream().toArray();
        double[] y = IntStream.range(0, n).mapToDouble(i -> 3.0 * i + 2).toArray();
        y[n - 1] = 500; // the line says 59

        TheilSen fit = TheilSen.fit(x, y, 0.95);
        double ols = leastSquaresSlope(x, y);

        assertThat(fit.slope()).isCloseTo(3, within(0.05));
        assertThat(fit.intercept()).isCloseTo(2, within(0.5));
        assertThat(ols).isGreaterThan(8); // 3 + 441 * 9.5 / 665 = 9.3
    }

    @Test
    void intervalCoversTheTrueSlopeAboutNinetyFivePercentOfTheTime() {
        Random random = new Random(42);
        int repetitions = 200;
        int n = 30;
        double trueSlope = 3;
        double[] x = IntStream.range(0, n).asDoubleStream().toArray();
        int covered = 0;
        for (int r = 0; r < repetitions; r++) {
            double[] y = new double[n];
            for (int i = 0; i < n; i++) {
                y[i] = trueSlope * x[i] + 2 + 10 * random.nextGaussian();
            }
            TheilSen fit = TheilSen.fit(x, y, 0.95);
            assertThat(fit.slopeLow()).isLessThanOrEqualTo(fit.slope());
            assertThat(fit.slopeHigh()).isGreaterThanOrEqualTo(fit.slope());
            if (fit.slopeLow() <= trueSlope && trueSlope <= fit.slopeHigh()) {
                covered++;
            }
        }
        assertThat(covered / (double) repetitions).isBetween(0.90, 0.99);
    }

    @Test
    void narrowerConfidenceLevelGivesANarrowerInterval() {
        Random random = new Random(7);
        double[] x = IntStream.range(0, 40).asDoubleStream().toArray();
        double[] y = IntStream.range(0, 40).mapToDouble(i -> i + 5 * random.nextGaussian()).toArray();

        TheilSen wide = TheilSen.fit(x, y, 0.99);
        TheilSen narrow = TheilSen.fit(x, y, 0.80);

        assertThat(narrow.slope()).isEqualTo(wide.slope());
        assertThat(narrow.slopeHigh() - narrow.slopeLow()).isLessThan(wide.slopeHigh() - wide.slopeLow());
    }

    @Test
    void rejectsUnusableInput() {
        assertThatThrownBy(() -> TheilSen.fit(new double[] {1, 2}, new double[] {1, 2}, 0.95))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TheilSen.fit(new double[] {1, 2, 3}, new double[] {1, 2}, 0.95))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TheilSen.fit(new double[] {4, 4, 4}, new double[] {1, 2, 3}, 0.95))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("distinct x");
    }

    @Test
    void medianOfOddAndEvenLengths() {
        assertThat(TheilSen.median(new double[] {5, 1, 3})).isEqualTo(3);
        assertThat(TheilSen.median(new double[] {4, 1, 3, 2})).isEqualTo(2.5);
    }

    private static double leastSquaresSlope(double[] x, double[] y) {
        double mx = 0;
        double my = 0;
        for (int i = 0; i < x.length; i++) {
            mx += x[i] / x.length;
            my += y[i] / y.length;
        }
        double sxy = 0;
        double sxx = 0;
        for (int i = 0; i < x.length; i++) {
            sxy += (x[i] - mx) * (y[i] - my);
            sxx += (x[i] - mx) * (x[i] - mx);
        }
        return sxy / sxx;
    }
}
