package dev.precog.it.accuracy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class StudentTTest {

    @Test
    void criticalValuesFromTheTablesGiveFivePercent() {
        assertThat(StudentT.twoSidedP(12.706, 1)).isCloseTo(0.05, within(1e-4));
        assertThat(StudentT.twoSidedP(4.303, 2)).isCloseTo(0.05, within(1e-4));
        assertThat(StudentT.twoSidedP(-2.776, 4)).isCloseTo(0.05, within(1e-4));
        assertThat(StudentT.twoSidedP(2.228, 10)).isCloseTo(0.05, within(1e-4));
        assertThat(StudentT.twoSidedP(9.925, 2)).isCloseTo(0.01, within(1e-4));
        // many degrees of freedom: the normal's
        assertThat(StudentT.twoSidedP(1.959964, 1e7)).isCloseTo(0.05, within(1e-5));
    }

    @Test
    void cauchyAndTheEdges() {
        // one degree of freedom is the Cauchy distribution: P(|T| >= 1) = 1/2
        assertThat(StudentT.twoSidedP(1, 1)).isCloseTo(0.5, within(1e-12));
        assertThat(StudentT.twoSidedP(0, 3)).isEqualTo(1.0);
        assertThat(StudentT.twoSidedP(Double.POSITIVE_INFINITY, 3)).isZero();
    }
}
