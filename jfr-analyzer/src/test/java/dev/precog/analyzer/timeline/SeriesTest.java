package dev.precog.analyzer.timeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class SeriesTest {

    private static Series series(double... values) {
        double[] times = IntStream.range(0, values.length).mapToDouble(i -> 1000 + 10.0 * i).toArray();
        return new Series(times, values);
    }

    @Test
    void downsampleByMinKeepsTheMinimumOfEachGroup() {
        Series s = series(5, 3, 8, 1, 9, 2, 7, 4, 6, 0);

        Series down = s.downsampleByMin(5);

        assertThat(down.values()).containsExactly(3, 1, 2, 4, 0);
        // each group is stamped with its last point's time
        assertThat(down.times()).containsExactly(1010, 1030, 1050, 1070, 1090);
    }

    @Test
    void downsampleWithUnevenGroupsCoversEveryPoint() {
        Series s = series(9, 8, 7, 6, 5, 4, 3, 2, 1, 0);

        Series down = s.downsampleByMin(3); // groups of 3, 3 and 4

        assertThat(down.values()).containsExactly(7, 4, 0);
        assertThat(down.times()).containsExactly(1020, 1050, 1090);
    }

    @Test
    void downsampleKeepsTheFloorOfASawtooth() {
        double[] values = IntStream.range(0, 100).mapToDouble(i -> 100 + (i % 10) * 10).toArray();

        Series down = series(values).downsampleByMin(10);

        assertThat(down.values()).hasSize(10).containsOnly(100);
    }

    @Test
    void shortSeriesIsReturnedAsIs() {
        Series s = series(1, 2, 3);

        assertThat(s.downsampleByMin(3)).isSameAs(s);
        assertThat(s.downsampleByMin(10)).isSameAs(s);
    }

    @Test
    void lastAndFromSlice() {
        Series s = series(1, 2, 3, 4, 5);

        assertThat(s.last(2).values()).containsExactly(4, 5);
        assertThat(s.last(2).times()).containsExactly(1030, 1040);
        assertThat(s.last(10).values()).containsExactly(1, 2, 3, 4, 5);
        assertThat(s.from(3).values()).containsExactly(4, 5);
        assertThat(s.from(5).isEmpty()).isTrue();
        assertThat(s.lastValue()).isEqualTo(5);
        assertThat(s.lastTime()).isEqualTo(1040);
        assertThat(s.spanSeconds()).isEqualTo(40);
    }
}
