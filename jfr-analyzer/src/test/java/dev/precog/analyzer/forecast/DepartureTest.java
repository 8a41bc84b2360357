package dev.precog.analyzer.forecast;

import static org.assertj.core.api.Assertions.assertThat;

import dev.precog.analyzer.timeline.Series;
import dev.precog.model.Forecast;
import dev.precog.model.Unit;
import java.util.Random;
import java.util.function.IntToDoubleFunction;
import org.junit.jupiter.api.Test;

class DepartureTest {

    private static final double STEP = 5;
    private static final double MB = 1 << 20;

    private static Series series(int n, IntToDoubleFunction value) {
        return EvenSeries.of(n, STEP, value);
    }

    private static Forecast forecast(Series s) {
        ForecastTarget target = new ForecastTarget("heap.usedAfterGc", Unit.BYTES, s, 256 * MB, "max heap", true, null, 0,
                256 * MB, SeriesForecaster.horizon(s));
        return SeriesForecaster.forecast(target, ModelSelection.select(SeriesForecaster.relativeTimes(s), s.values()));
    }

    private static ForecastTarget.Allowance departure(Series s) {
        double[] x = SeriesForecaster.relativeTimes(s);
        ModelSelection selection = ModelSelection.select(x, s.values());
        return Departure.of(x, s.values(), selection, selection.model().fit(x, s.values()), Unit.BYTES);
    }

    /** A healthy heap flat for a minute and a half; its last two collections left promoted garbage behind. */
    private static Series flatThenRising(int flat, double... last) {
        Random r = new Random(3);
        return series(flat + last.length, i -> i < flat ? 23 * MB + 0.3 * MB * r.nextGaussian() : last[i - flat] * MB);
    }

    @Test
    void aHeapWhoseLastTwoPointsLeftItsLevelGetsUpperBandsAboveThemAndRisingOn() {
        Series s = flatThenRising(18, 28, 35);

        Forecast f = forecast(s);

        assertThat(f.adjustment()).contains("the last 2 points left the history's 95% band");
        // the point forecast stays the robust model's, near the old level
        assertThat(f.points().get(0).value()).isLessThan(26 * MB);
        // the 95% upper band holds the last point's level from the first lead, and the rise goes on
        assertThat(f.points()).allSatisfy(p -> assertThat(p.high()).isGreaterThan(35 * MB));
        double firstLead = f.points().get(0).at().getEpochSecond() - s.lastTime();
        assertThat(f.points().get(0).high()).isGreaterThan(35 * MB + 0.5 * (35 - 28) / STEP * MB * firstLead);
        // and the lower bands stay where the history puts them
        assertThat(f.points().get(0).low()).isLessThan(23 * MB);
    }

    @Test
    void oneCollectionAboveTheBandIsNoise() {
        assertThat(departure(flatThenRising(19, 35))).isSameAs(ForecastTarget.Allowance.NONE);
        // nor are two when the first stayed inside the band
        assertThat(departure(flatThenRising(18, 23.2, 35))).isSameAs(ForecastTarget.Allowance.NONE);
    }

    @Test
    void aFallNeverRaisesTheUpperBands() {
        assertThat(departure(flatThenRising(18, 15, 12))).isSameAs(ForecastTarget.Allowance.NONE);
    }

    @Test
    void aLineRisingAtItsOwnPaceRaisesNothing() {
        Random r = new Random(5);
        Series s = series(40, i -> 40 * MB + 0.7 * MB * i + 0.4 * MB * r.nextGaussian());

        assertThat(departure(s)).isSameAs(ForecastTarget.Allowance.NONE);
        assertThat(forecast(s).adjustment()).isNull();
    }
}
