package dev.precog.analyzer.forecast;

import static org.assertj.core.api.Assertions.assertThat;

import dev.precog.analyzer.jfr.TestRecordings;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ForecastBacktestTest {

    @Test
    void anOriginThatBroughtNoNewPointIsNotScoredAgain() throws Exception {
        // CPU load is sampled every 100 ms: in 20-ms windows most origins see no new point, and their
        // forecasts would repeat the one before (the same trial counted again)
        ForecastBacktest.Result result = new ForecastBacktest(Duration.ofMillis(20)).run(TestRecordings.gcRecording());

        ForecastBacktest.MetricScore cpu = result.series().stream()
                .filter(s -> s.metric().equals("cpu.jvmTotal")).findFirst().orElseThrow();
        assertThat(result.windows()).isGreaterThan(4 * ForecastBacktest.ORIGINS);
        // no more forecasts than points came after the first origin, a quarter of the way in
        assertThat(cpu.origins()).as(cpu.toString()).isPositive()
                .isLessThanOrEqualTo((int) Math.ceil((1 - ForecastBacktest.FIRST_ORIGIN) * cpu.points()) + 1);
        assertThat(cpu.pointForecasts()).isPositive();
    }
}
