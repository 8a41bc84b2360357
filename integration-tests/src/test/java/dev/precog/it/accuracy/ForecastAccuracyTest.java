package dev.precog.it.accuracy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ForecastAccuracyTest {

    @Test
    void theCommandNamesASecondSetsPageAndItsRecordings() {
        String command = ForecastAccuracy.command(Set.of(), Map.of("sawtooth-batch", Path.of("/rec/2/sawtooth-batch.jfr")),
                ForecastAccuracy.DEFAULT_LONG_MINUTES, "docs/forecast-accuracy-set-2.md");

        assertThat(command).startsWith(ForecastAccuracy.COMMAND)
                .contains("-Dprecog.backtest.recordings=sawtooth-batch=/rec/2/sawtooth-batch.jfr")
                .contains("-Dprecog.accuracyReport=docs/forecast-accuracy-set-2.md");
    }

    @Test
    void theDefaultPageIsNotNamed() {
        String command = ForecastAccuracy.command(Set.of(), Map.of(), ForecastAccuracy.DEFAULT_LONG_MINUTES,
                "/work/main/integration-tests/../docs/forecast-accuracy.md");

        assertThat(command).doesNotContain("accuracyReport").doesNotContain("recordings");
    }

    @Test
    void recordingsGivenAloneAreBacktestedWithoutRecordingTheOtherScenarios() {
        assertThat(ForecastAccuracy.only(Set.of(), Set.of("sawtooth-batch", "step-one-time-load")))
                .containsExactlyInAnyOrder("sawtooth-batch", "step-one-time-load");
        assertThat(ForecastAccuracy.only(Set.of("sawtooth-batch", "linear-session-leak"), Set.of("sawtooth-batch")))
                .containsExactlyInAnyOrder("sawtooth-batch", "linear-session-leak");
        // nothing named and nothing given: every scenario is recorded
        assertThat(ForecastAccuracy.only(Set.of(), Set.of())).isEmpty();
    }
}
