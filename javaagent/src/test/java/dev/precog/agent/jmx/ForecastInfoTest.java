package dev.precog.agent.jmx;

import static org.assertj.core.api.Assertions.assertThat;

import dev.precog.model.Forecast;
import dev.precog.model.Unit;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ForecastInfoTest {

    private static Forecast cpu(Double eta, String adjustment) {
        return new Forecast("forecast:cpu.jvmTotal", "cpu.jvmTotal", Unit.RATIO, "level", Forecast.RISING, 0.9,
                "90% of all CPUs", 0.05, 0, 0.95, eta, eta == null ? null : eta / 2, null, Instant.parse("2026-12-03T10:00:00Z"),
                600, 10, 60, List.of(), List.of(), adjustment, null);
    }

    @Test
    void jmxClientsSeeWhatTheBandsAddAndMinusOneForNever() {
        ForecastInfo info = ForecastInfo.of(cpu(1200.0, "upper bands raised by what the garbage collector may cost"));

        assertThat(info.getAdjustment()).isEqualTo("upper bands raised by what the garbage collector may cost");
        assertThat(info.getTimeToThresholdSeconds()).isEqualTo(1200);
        assertThat(info.getTimeToThresholdLowSeconds()).isEqualTo(600);
        assertThat(info.getTimeToThresholdHighSeconds()).isEqualTo(-1);
        assertThat(info.getFirstDetectedAt()).isEqualTo("2026-12-03T10:00:00Z");
        assertThat(info.getUnit()).isEqualTo("RATIO");
    }

    @Test
    void aForecastTheModelMadeAloneHasNoAdjustment() {
        assertThat(ForecastInfo.of(cpu(null, null)).getAdjustment()).isNull();
    }
}
