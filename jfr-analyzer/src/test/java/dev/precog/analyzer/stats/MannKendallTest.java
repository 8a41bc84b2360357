package dev.precog.analyzer.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class MannKendallTest {

    @Test
    void strictlyIncreasingTenPointsHasEveryPairConcordant() {
        double[] values = IntStream.rangeClosed(1, 10).asDoubleStream().toArray();

        MannKendall mk = MannKendall.test(values);

        // 10*9/2 = 45 pairs, all increasing; Var S = 10*9*25/18 = 125; z = (45-1)/sqrt(125).
        assertThat(mk.s()).isEqualTo(45);
        assertThat(mk.n()).isEqualTo(10);
        assertThat(mk.z()).isCloseTo(44 / Math.sqrt(125), within(1e-9));
        assertThat(mk.pIncreasing()).isPositive().isLessThan(1e-4);
    }

    @Test
    void smallMixedSeriesMatchesHandComputation() {
        // pairs: (1,3)+ (1,2)+ (1,4)+ (3,2)- (3,4)+ (2,4)+  => S = 4; Var S = 4*3*13/18.
        MannKendall mk = MannKendall.test(new double[] {1, 3, 2, 4});

        assertThat(mk.s()).isEqualTo(4);
        assertThat(mk.z()).isCloseTo(3 / Math.sqrt(4 * 3 * 13 / 18.0), within(1e-9));
        assertThat(mk.pIncreasing()).isCloseTo(1 - NormalDistribution.cdf(mk.z()), within(1e-12));
    }

    @Test
    void constantSeriesHasNoTrend() {
        MannKendall mk = MannKendall.test(new double[] {7, 7, 7, 7, 7, 7});

        assertThat(mk.s()).isZero();
        assertThat(mk.z()).isZero();
        assertThat(mk.pIncreasing()).isCloseTo(0.5, within(1e-12));
    }

    @Test
    void tiesReduceTheVariance() {
        // n = 6: 6*5*17 = 510. Ties: a pair (2*1*9 = 18) and a triple (3*2*11 = 66).
        double[] tied = {1, 1, 2, 2, 2, 3};
        double[] distinct = {1, 2, 3, 4, 5, 6};

        assertThat(MannKendall.variance(distinct)).isCloseTo(510 / 18.0, within(1e-12));
        assertThat(MannKendall.variance(tied)).isCloseTo((510 - 18 - 66) / 18.0, within(1e-12));
    }

    @Test
    void tiesMakeTheSameStatisticMoreSignificant() {
        // Same number of concordant minus discordant pairs, but the tied series has a smaller variance.
        double[] distinctValues = {1, 2, 3, 4, 5, 6, 7, 8};
        MannKendall tied = MannKendall.test(new double[] {1, 1, 2, 2, 3, 3, 4, 4});
        MannKendall distinct = MannKendall.test(distinctValues);

        assertThat(tied.s()).isEqualTo(24);
        assertThat(distinct.s()).isEqualTo(28);
        double untiedZForSameS = (tied.s() - 1) / Math.sqrt(MannKendall.variance(distinctValues));
        assertThat(tied.z()).isGreaterThan(untiedZForSameS);
    }

    @Test
    void decreasingSeriesIsNotIncreasing() {
        double[] values = IntStream.rangeClosed(1, 10).mapToDouble(i -> 100 - i).toArray();

        MannKendall mk = MannKendall.test(values);

        assertThat(mk.s()).isEqualTo(-45);
        assertThat(mk.z()).isCloseTo(-44 / Math.sqrt(125), within(1e-9));
        assertThat(mk.pIncreasing()).isGreaterThan(0.9999).isLessThanOrEqualTo(1.0);
    }

    @Test
    void rejectsFewerThanThreePoints() {
        assertThatThrownBy(() -> MannKendall.test(new double[] {1, 2}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least 3");
    }
}
