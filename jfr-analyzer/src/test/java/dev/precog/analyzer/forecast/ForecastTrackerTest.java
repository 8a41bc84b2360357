package dev.precog.analyzer.forecast;

import static org.assertj.core.api.Assertions.assertThat;

import dev.precog.model.Forecast;
import dev.precog.model.Unit;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ForecastTrackerTest {

    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    private static Forecast forecast(Double eta) {
        return new Forecast("forecast:heap.usedAfterGc", "heap.usedAfterGc", Unit.BYTES, "theil-sen-linear", Forecast.RISING,
                100, "max heap", 50, 1, 0.95, eta, eta, eta, null, 3600, 10, 60, List.of(), List.of(), null, null);
    }

    @Test
    void aClaimKeepsItsFirstDetectionThroughABriefGap() {
        ForecastTracker tracker = new ForecastTracker(3, Duration.ofSeconds(30));

        Forecast first = tracker.track(List.of(forecast(500.0)), T0).get(0);
        Forecast gap = tracker.track(List.of(forecast(null)), T0.plusSeconds(10)).get(0);
        tracker.track(List.of(forecast(null)), T0.plusSeconds(20));
        Forecast back = tracker.track(List.of(forecast(480.0)), T0.plusSeconds(30)).get(0);

        assertThat(first.firstDetectedAt()).isEqualTo(T0);
        assertThat(gap.firstDetectedAt()).isNull();
        assertThat(back.firstDetectedAt()).isEqualTo(T0);
        assertThat(back.id()).isEqualTo(first.id()).isEqualTo("forecast:heap.usedAfterGc");
    }

    @Test
    void aClaimGoneLongerIsNewWhenItReturns() {
        ForecastTracker tracker = new ForecastTracker(3, Duration.ofSeconds(30));

        tracker.track(List.of(forecast(500.0)), T0);
        for (int i = 1; i <= 3; i++) {
            tracker.track(List.of(forecast(null)), T0.plusSeconds(10L * i));
        }
        Forecast back = tracker.track(List.of(forecast(400.0)), T0.plusSeconds(40)).get(0);

        assertThat(back.firstDetectedAt()).isEqualTo(T0.plusSeconds(40));
    }

    @Test
    void withOneSecondWindowsAClaimIsKeptForTheWholeTimeNotJustForThreeEvaluations() {
        ForecastTracker tracker = new ForecastTracker(3, Duration.ofSeconds(30));

        tracker.track(List.of(forecast(500.0)), T0);
        for (int i = 1; i < 30; i++) {
            tracker.track(List.of(forecast(null)), T0.plusSeconds(i));
        }
        Forecast back = tracker.track(List.of(forecast(470.0)), T0.plusSeconds(30)).get(0);

        assertThat(back.firstDetectedAt()).isEqualTo(T0);
    }
}
