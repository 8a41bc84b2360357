package dev.precog.analyzer.forecast;

import static org.assertj.core.api.Assertions.assertThat;

import dev.precog.analyzer.timeline.Series;
import org.junit.jupiter.api.Test;

class LevelModelTest {

    @Test
    void aNoisyLevelsSpreadIsNotSetByItsLastFourPoints() {
        // a CPU share swinging ±1 point around 10%, whose last four windows happen to be calm
        Series s = EvenSeries.of(16, 10, i -> i < 12 ? 10 + (i % 2 == 0 ? 1 : -1) : 10 + new double[] {0, 0.02, -0.02, 0}[i - 12]);

        ForecastModel.Fit fit = new LevelModel().fit(SeriesForecaster.relativeTimes(s), s.values());

        assertThat(fit.valueAt(60)).isEqualTo(10);
        // four calm windows measure a spread of 0.015; the swings before them are still the series' noise
        assertThat(fit.sigmaAt(60)).isGreaterThan(1);
    }
}
