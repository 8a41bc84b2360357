package dev.precog.analyzer.forecast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.precog.analyzer.timeline.Series;
import dev.precog.model.Unit;
import java.util.Random;
import org.junit.jupiter.api.Test;

class MetricForecasterTest {

    private static final double MB = 1024 * 1024;

    private static ForecastTarget target(Series history) {
        return new ForecastTarget("metaspace.used", Unit.BYTES, history, 512 * MB, "-XX:MaxMetaspaceSize", true, null, 0,
                512 * MB, 600);
    }

    @Test
    void aModelGuessedFromAShortHistoryIsChosenAgainOnceTheHistoryCanBeBacktested() {
        Random r = new Random(11);
        double[] noise = r.doubles(40).map(u -> 0.05 * MB * (u - 0.5)).toArray();
        // eight flat points: too few to backtest, and no trend to see, so the level is guessed
        Series flat = EvenSeries.of(8, 1, i -> 20 * MB + noise[i]);
        // then, seconds later, a steady climb of 1 MB a second: a leak starting, well inside the minute a
        // backtested choice is kept for
        Series climbing = EvenSeries.of(40, 1, i -> 20 * MB + Math.max(0, i - 8) * MB + noise[i]);
        MetaspaceForecaster forecaster = new MetaspaceForecaster();

        assertThat(forecaster.fitted(target(flat)).selection().model()).isInstanceOf(LevelModel.class);
        ModelSelection chosen = forecaster.fitted(target(climbing)).selection();

        assertThat(chosen.model()).isNotInstanceOf(LevelModel.class);
        assertThat(chosen.scores()).anySatisfy(s -> assertThat(s.backtestMeanAbsoluteError()).isNotNull());
        assertThat(forecaster.forecast(target(climbing)).points().get(0).value()).isGreaterThan(climbing.values()[39]);
    }

    @Test
    void aChoiceMadeOnALongerHistoryIsNotKeptForAnEarlierPartOfIt() {
        Random r = new Random(12);
        double[] noise = r.doubles(40).map(u -> 0.05 * MB * (u - 0.5)).toArray();
        // flat for 24 seconds, then climbing: the whole history is backtested and chooses a trend
        Series whole = EvenSeries.of(40, 1, i -> 20 * MB + Math.max(0, i - 24) * MB + noise[i]);
        Series flatPart = EvenSeries.of(24, 1, i -> 20 * MB + noise[i]);
        MetaspaceForecaster forecaster = new MetaspaceForecaster();

        assertThat(forecaster.fitted(target(whole)).selection().model()).isNotInstanceOf(LevelModel.class);
        // what a backtest does at an origin inside the recording: the choice is made on that part alone
        ModelSelection chosen = forecaster.fitted(target(flatPart)).selection();

        assertThat(chosen.model()).isInstanceOf(LevelModel.class);
        assertThat(forecaster.forecast(target(flatPart)).points().get(0).value()).isCloseTo(20 * MB, within(0.5 * MB));
    }
}
