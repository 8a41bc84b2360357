package dev.precog.analyzer.forecast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.precog.analyzer.timeline.Series;
import dev.precog.model.Unit;
import java.util.Random;
import org.junit.jupiter.api.Test;

class BandCalibrationTest {

    private static final int HISTORY = 60;
    private static final int EVALUATIONS = 360;
    /** Evaluations before coverage is counted: the calibration learns from the forecasts made before. */
    private static final int LEARNING = 120;
    /** Leads scored, in steps of 10 s. */
    private static final int LEADS = 6;

    /** What the forecasts of one series did: coverage at 80% and 95% after the learning evaluations, and the last forecast. */
    private record Run(double in80, double in95, SeriesForecaster.Fitted last) {}

    /**
     * A forecaster's forecasts of {@code v}, one every 10-s step from the last {@link #HISTORY} points, each scored at
     * the next {@link #LEADS} steps: with its bands calibrated by the forecasts before it, or as the model gives them.
     */
    private static Run run(double[] v, boolean calibrated) {
        MetaspaceForecaster forecaster = new MetaspaceForecaster();
        int in80 = 0;
        int in95 = 0;
        int pairs = 0;
        SeriesForecaster.Fitted fitted = null;
        for (int e = 0; e < EVALUATIONS; e++) {
            int end = HISTORY + e;
            double[] t = new double[HISTORY];
            for (int i = 0; i < HISTORY; i++) {
                t[i] = EvenSeries.T0 + 10.0 * (end - HISTORY + i);
            }
            Series history = new Series(t, java.util.Arrays.copyOfRange(v, end - HISTORY, end));
            ForecastTarget target = new ForecastTarget("metaspace.used", Unit.BYTES, history, 1e12, "-XX:MaxMetaspaceSize", true,
                    null, 0, 1e12, 600);
            fitted = calibrated ? forecaster.calibrated(target, history) : forecaster.fitted(target);
            if (e < LEARNING) {
                continue;
            }
            for (int lead = 1; lead <= LEADS; lead++) {
                double actual = v[end - 1 + lead];
                double[] b = fitted.bandsAt(10.0 * lead);
                in80 += b[3] <= actual && actual <= b[4] ? 1 : 0;
                in95 += b[1] <= actual && actual <= b[2] ? 1 : 0;
                pairs++;
            }
        }
        return new Run((double) in80 / pairs, (double) in95 / pairs, fitted);
    }

    /**
     * Metaspace climbing in stairs, 4 MB every fourth window (a class loader per import batch): its errors about the
     * trend stay within half a stair, whose normal scale overstates their reach, and the model's bands held nearly
     * everything. Scored against what came after each of its own forecasts, the 80% band narrows until it holds about
     * its share; the 95% band, which must reach what no forecast has met, stays; and at leads no forecast has reached
     * yet both stay as the model gives them.
     */
    @Test
    void bandsThatHeldEverythingNarrowUntilTheyHoldTheirShare() {
        Random r = new Random(21);
        double[] v = new double[HISTORY + EVALUATIONS + LEADS];
        for (int i = 0; i < v.length; i++) {
            v[i] = 100e6 + 4e6 * Math.floor(i / 4.0) + 0.1e6 * r.nextGaussian();
        }
        Run raw = run(v, false);
        Run calibrated = run(v, true);

        assertThat(raw.in80()).as("the model's own 80%% band").isGreaterThan(0.95);
        assertThat(raw.in95()).as("the model's own 95%% band").isEqualTo(1.0);
        assertThat(calibrated.in80()).as("the calibrated 80%% band").isCloseTo(0.8, within(0.05));
        assertThat(calibrated.in95()).as("the calibrated 95%% band").isEqualTo(1.0);
        BandCalibration.Factors factors = calibrated.last().factors();
        assertThat(factors.at80(10)).isLessThan(0.75);
        // the forecasts are remembered for at most MAX_FORECASTS evaluations: an hour ahead was never scored
        assertThat(factors.scored()[BandCalibration.bin(3600)]).isZero();
        assertThat(factors.at80(3600)).isEqualTo(1.0);
        assertThat(factors.at95(3600)).isEqualTo(1.0);
    }

    /** Noise that hangs together about a level, whose bands the model already sizes right: calibration leaves them so. */
    @Test
    void bandsThatHeldTheirShareKeepIt() {
        Random r = new Random(22);
        double[] v = new double[HISTORY + EVALUATIONS + LEADS];
        double level = 100e6;
        for (int i = 0; i < v.length; i++) {
            level = 0.9 * level + 0.1 * 100e6 + 1e6 * r.nextGaussian();
            v[i] = level;
        }
        Run calibrated = run(v, true);

        assertThat(calibrated.in80()).as("the calibrated 80%% band").isCloseTo(0.8, within(0.05));
        assertThat(calibrated.in95()).as("the calibrated 95%% band").isCloseTo(0.95, within(0.03));
    }

    @Test
    void aReachIsHowFarTowardsTheBandsEdgeOnItsSide() {
        assertThat(BandCalibration.reach(10, 10, 8, 14)).isZero();
        assertThat(BandCalibration.reach(12, 10, 8, 14)).isEqualTo(0.5);
        assertThat(BandCalibration.reach(9, 10, 8, 14)).isEqualTo(0.5);
        assertThat(BandCalibration.reach(16, 10, 8, 14)).isEqualTo(1.5);
        assertThat(BandCalibration.bin(15)).isZero();
        assertThat(BandCalibration.bin(16)).isEqualTo(1);
        assertThat(BandCalibration.bin(60)).isEqualTo(2);
        assertThat(BandCalibration.bin(1e9)).isEqualTo(BandCalibration.BINS - 1);
    }

    /**
     * A level that wanders, with a burst now and then (one window in seventeen up to 4 MB higher): the backtest's
     * robust scale sees the bursts as outliers, and the model's bands missed more than their share. Scored against
     * what came, both bands widen towards it.
     */
    @Test
    void bandsThatMissedMoreThanTheirShareWiden() {
        double[] raw = new double[2];
        double[] calibrated = new double[2];
        for (long seed = 30; seed < 33; seed++) {
            Random r = new Random(seed);
            double[] v = new double[HISTORY + EVALUATIONS + LEADS];
            double level = 100e6;
            for (int i = 0; i < v.length; i++) {
                level += 0.3e6 * r.nextGaussian();
                v[i] = level + 0.3e6 * r.nextGaussian() + (r.nextDouble() < 0.06 ? 4e6 * r.nextDouble() : 0);
            }
            Run model = run(v, false);
            Run scaled = run(v, true);
            raw[0] += model.in80() / 3;
            raw[1] += model.in95() / 3;
            calibrated[0] += scaled.in80() / 3;
            calibrated[1] += scaled.in95() / 3;
        }

        assertThat(raw[0]).as("the model's own 80%% band").isLessThan(0.75);
        assertThat(raw[1]).as("the model's own 95%% band").isLessThan(0.93);
        assertThat(calibrated[0]).as("the calibrated 80%% band").isGreaterThan(raw[0] + 0.02).isLessThan(0.85);
        assertThat(calibrated[1]).as("the calibrated 95%% band").isGreaterThan(raw[1] + 0.01).isLessThan(0.98);
    }

    /**
     * A count that hardly moves (41, one more now and then): its forecasts' points nearly all fall on the forecast,
     * so the calibration would narrow the 80% band to a fraction of a count, which holds the count alone. A band
     * keeps its least half-width, one step of the series' resolution, however it is scaled.
     */
    @Test
    void aScaledBandKeepsItsLeastHalfWidth() {
        double[] v = new double[HISTORY + EVALUATIONS + LEADS];
        for (int i = 0; i < v.length; i++) {
            v[i] = i % 20 == 7 ? 42 : 41;
        }
        SeriesForecaster.Fitted last = run(v, true).last();

        assertThat(last.factors().at80(10)).as("the 80%% factor").isLessThan(0.5);
        for (int lead = 1; lead <= LEADS; lead++) {
            double[] b = last.bandsAt(10.0 * lead);
            assertThat(b[4] - b[0]).as("above, at %d s", 10 * lead).isGreaterThanOrEqualTo(1);
            assertThat(b[0] - b[3]).as("below, at %d s", 10 * lead).isGreaterThanOrEqualTo(1);
        }
    }
}
