package dev.precog.analyzer.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class NormalDistributionTest {

    @Test
    void cdfAtKnownPoints() {
        assertThat(NormalDistribution.cdf(0)).isCloseTo(0.5, within(1e-12));
        assertThat(NormalDistribution.cdf(1.96)).isCloseTo(0.9750021, within(1e-6));
        assertThat(NormalDistribution.cdf(-1.96)).isCloseTo(0.0249979, within(1e-6));
        assertThat(NormalDistribution.cdf(1)).isCloseTo(0.8413447, within(1e-6));
        assertThat(NormalDistribution.cdf(-8)).isCloseTo(0, within(1e-9));
        assertThat(NormalDistribution.cdf(8)).isCloseTo(1, within(1e-9));
    }

    @Test
    void cdfIsSymmetric() {
        for (double z = 0; z <= 4; z += 0.25) {
            assertThat(NormalDistribution.cdf(-z) + NormalDistribution.cdf(z)).isCloseTo(1, within(1e-12));
        }
    }

    @Test
    void quantileAtKnownPoints() {
        assertThat(NormalDistribution.quantile(0.5)).isCloseTo(0, within(1e-9));
        assertThat(NormalDistribution.quantile(0.975)).isCloseTo(1.959964, within(1e-6));
        assertThat(NormalDistribution.quantile(0.025)).isCloseTo(-1.959964, within(1e-6));
        // the tails use a separate branch of the approximation
        assertThat(NormalDistribution.quantile(0.001)).isCloseTo(-3.090232, within(1e-6));
        assertThat(NormalDistribution.quantile(0.999)).isCloseTo(3.090232, within(1e-6));
    }

    @ParameterizedTest
    @ValueSource(doubles = {1e-6, 0.001, 0.01, 0.02425, 0.1, 0.3, 0.5, 0.7, 0.9, 0.97575, 0.99, 0.999})
    void quantileInvertsCdf(double p) {
        assertThat(NormalDistribution.cdf(NormalDistribution.quantile(p))).isCloseTo(p, within(2e-7));
    }

    @ParameterizedTest
    @ValueSource(doubles = {-3, -2, -1, -0.5, 0, 0.5, 1, 2, 3})
    void cdfInvertsQuantile(double z) {
        // erf's absolute error (1.5e-7) divided by the density at |z| = 3 bounds this.
        assertThat(NormalDistribution.quantile(NormalDistribution.cdf(z))).isCloseTo(z, within(5e-5));
    }

    @ParameterizedTest
    @ValueSource(doubles = {0, 1, -0.1, 1.1, Double.NaN})
    void quantileRejectsProbabilitiesOutsideTheOpenUnitInterval(double p) {
        assertThatThrownBy(() -> NormalDistribution.quantile(p)).isInstanceOf(IllegalArgumentException.class);
    }
}
