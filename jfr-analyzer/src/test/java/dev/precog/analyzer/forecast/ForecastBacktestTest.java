package dev.precog.analyzer.forecast;

import static org.assertj.core.api.Assertions.assertThat;

import dev.precog.analyzer.jfr.TestRecordings;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ForecastBacktestTest {

    @Test
    void anOriginThatBroughtNoNewPointIsNotScoredAgain() throws Exception {
        // the recording has a point of CPU load every 100 ms and of the heap at each collection: in
        // 15-ms windows most origins see no new point, and their forecasts would repeat the one before
        // (its events can span as little as 1.8 s of its 2.2: 20-ms windows were sometimes too few)
        ForecastBacktest.Result result = new ForecastBacktest(Duration.ofMillis(15)).run(TestRecordings.gcRecording());

        assertThat(result.windows()).isGreaterThan(4 * ForecastBacktest.ORIGINS);
        assertThat(result.series()).as(result.toString()).isNotEmpty()
                .anySatisfy(s -> assertThat(s.origins()).isPositive())
                .allSatisfy(s -> {
                    // no more forecasts than points came after the first origin, a quarter of the way in
                    assertThat(s.origins()).as(s.toString())
                            .isLessThanOrEqualTo((int) Math.ceil((1 - ForecastBacktest.FIRST_ORIGIN) * s.points()) + 1);
                    // a busy machine can delay the 100-ms CPU event to a few points in all (CI once had 8):
                    // only a series with room for a history at the later origins must have been scored
                    if (s.points() >= 2 * MetricForecaster.MIN_POINTS) {
                        assertThat(s.origins()).as(s.toString()).isPositive();
                    }
                    if (s.origins() > 0) {
                        assertThat(s.pointForecasts()).isPositive();
                        // the misses by side: what is above the 95% band is above the 80% band too (1 - 90/91
                        // is a rounding under 1/91, hence the tolerance)
                        assertThat(s.above80()).isBetween(0.0, 1 - s.coverage80() + 1e-12);
                        assertThat(s.above95()).isBetween(0.0, Math.min(s.above80(), 1 - s.coverage95() + 1e-12));
                    }
                });
    }
}
