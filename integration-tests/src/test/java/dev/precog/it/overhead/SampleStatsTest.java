package dev.precog.it.overhead;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class SampleStatsTest {

    @Test
    void medianQuartilesAndRangeOfAnOddSample() {
        SampleStats s = SampleStats.of(List.of(5.0, 1.0, 4.0, 2.0, 3.0));

        assertThat(s.n()).isEqualTo(5);
        assertThat(s.median()).isEqualTo(3.0);
        assertThat(s.q1()).isEqualTo(2.0);
        assertThat(s.q3()).isEqualTo(4.0);
        assertThat(s.min()).isEqualTo(1.0);
        assertThat(s.max()).isEqualTo(5.0);
    }

    @Test
    void evenSampleInterpolates() {
        assertThat(SampleStats.of(List.of(1.0, 2.0, 3.0, 10.0)).median()).isCloseTo(2.5, within(1e-12));
    }

    @Test
    void failedRunsLeaveNaNsThatAreNotCounted() {
        SampleStats s = SampleStats.of(List.of(Double.NaN, 7.0));

        assertThat(s.n()).isEqualTo(1);
        assertThat(s.median()).isEqualTo(7.0);
        assertThat(SampleStats.of(List.of()).median()).isNaN();
    }
}
