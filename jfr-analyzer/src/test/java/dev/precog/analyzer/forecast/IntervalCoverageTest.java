package dev.precog.analyzer.forecast;

import static org.assertj.core.api.Assertions.assertThat;

import dev.precog.analyzer.timeline.Series;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * The intervals cover what they claim: many simulated series of the kinds a JVM produces, each
 * forecast from its first part and scored against what followed. Coverage far from nominal, in
 * either direction, fails.
 */
class IntervalCoverageTest {

    private static final int SERIES = 150;
    private static final int HISTORY = 120;
    private static final int FUTURE = 40;

    private interface Process {
        double[] generate(Random r, int n);
    }

    @Test
    void trendWithWhiteNoise() {
        assertCoverage(new Random(1), (r, n) -> {
            double slope = r.nextDouble() * 2;
            double[] v = new double[n];
            for (int i = 0; i < n; i++) {
                v[i] = 1000 + slope * i + 10 * r.nextGaussian();
            }
            return v;
        });
    }

    @Test
    void levelWithAutocorrelatedNoise() {
        assertCoverage(new Random(2), (r, n) -> {
            double[] v = new double[n];
            double e = 0;
            for (int i = 0; i < n; i++) {
                e = 0.6 * e + 10 * r.nextGaussian();
                v[i] = 500 + e;
            }
            return v;
        });
    }

    /**
     * A leak measured in whole bytes, gaining about 2.5 MB a window with a few hundred KB of
     * jitter: every step between its values is a couple of MB, and none of them is its resolution
     * (a byte). Taken as one, it made such bands far wider than the leak ever strayed.
     */
    @Test
    void steadyLeakInWholeBytes() {
        assertCoverage(new Random(6), (r, n) -> {
            double[] v = new double[n];
            for (int i = 0; i < n; i++) {
                v[i] = Math.rint(50e6 + 2.5e6 * i + 3e5 * r.nextGaussian());
            }
            return v;
        });
    }

    /**
     * A count that moves by one, even when it grows by exactly ten a window, keeps one as its least error:
     * its 95% band then reaches the counts next to its forecast.
     */
    @Test
    void resolutionOfCountsIsWhatTheirValuesAreMultiplesOf() {
        assertThat(ModelSelection.floor(new double[] {111, 121, 131, 141, 151})).isEqualTo(1.0);
        assertThat(ModelSelection.floor(new double[] {100, 110, 119, 129, 140})).isEqualTo(1.0);
        assertThat(ModelSelection.floor(new double[] {64, 66, 70, 76})).isEqualTo(2.0);
        assertThat(ModelSelection.floor(new double[] {0.25, 0.5, 1.0})).isEqualTo(0.25);
        assertThat(ModelSelection.floor(new double[] {0.1234, 0.2, 0.31})).isLessThan(1e-8);
    }

    /**
     * A random walk: the backtest sees one stretch of one path and can be lucky; the spread of the
     * path's own changes over every lag ({@link DriftSpread}) keeps the bands from trusting it.
     */
    @Test
    void randomWalkWithDrift() {
        assertCoverage(new Random(3), (r, n) -> {
            double[] v = new double[n];
            double x = 200;
            for (int i = 0; i < n; i++) {
                x += 0.5 + 3 * r.nextGaussian();
                v[i] = x;
            }
            return v;
        });
    }

    /**
     * A backlog that feeds on itself, forecast by the exponential model: a rate a little off
     * compounds, and the bands must grow with it, not only with the noise. Only the forecasts the
     * exponential model made are scored: on about a third of these series the backtest prefers the
     * line, whose bands then miss the acceleration (the limit docs/forecast-accuracy.md reports for
     * the retry backlog). Its bands come out wide (about 0.95: a rate that wanders between the
     * history's halves widens them, and the backtest's errors are scaled with the forecast's size,
     * as a heap's are, while this noise stays the same size), never under the normal multipliers,
     * so the upper bound is looser here.
     */
    @Test
    void exponentialGrowthWithNoise() {
        assertCoverage(new Random(4), (r, n) -> {
            double rate = 0.01 + 0.01 * r.nextDouble();
            double[] v = new double[n];
            for (int i = 0; i < n; i++) {
                v[i] = 300 + 20 * Math.exp(rate * i) + 5 * r.nextGaussian();
            }
            return v;
        }, HeapLiveSetForecaster.WITH_EXPONENTIAL, ExponentialTrendModel.NAME, 0.97);
    }

    /**
     * A backlog whose wobble grows with it, as a heap's does (collections come later and free more
     * as it grows): errors the backtest saw while the series was small must widen with the series,
     * or the bands of the larger future are too narrow.
     */
    @Test
    void exponentialGrowthWithProportionalNoise() {
        assertCoverage(new Random(5), (r, n) -> {
            double rate = 0.01 + 0.01 * r.nextDouble();
            double[] v = new double[n];
            for (int i = 0; i < n; i++) {
                v[i] = 10 + 20 * Math.exp(rate * i) * (1 + 0.03 * r.nextGaussian());
            }
            return v;
        }, HeapLiveSetForecaster.WITH_EXPONENTIAL, ExponentialTrendModel.NAME, 0.93);
    }

    /**
     * A confirmed leak whose errors about its line are bounded, as a staircase's heap is (each step a
     * batch kept, seen at collections that fall anywhere within the step): uniform, not normal. The
     * robust normal scale overstates such a swing, and at the textbook multiple the 80% band covered
     * 95% of it; a growth a detector confirmed takes the backtest's own multiple. The 95% band keeps
     * the textbook one (it must reach jumps no history shows), so it covers the bounded swing whole.
     */
    @Test
    void confirmedTrendWithBoundedSwing() {
        assertCoverage(new Random(7), (r, n) -> {
            double slope = 0.5 + r.nextDouble() * 2;
            double[] v = new double[n];
            for (int i = 0; i < n; i++) {
                v[i] = 1000 + slope * i + 10 * (2 * r.nextDouble() - 1);
            }
            return v;
        }, ModelSelection.CANDIDATES, null, true, 0.88, 1.0);
    }

    /**
     * The same swing unconfirmed keeps the textbook 80% band: a healthy series' history does not show
     * its future's steps.
     */
    @Test
    void unconfirmedSeriesKeepTheTextbookMultiple() {
        Random r = new Random(8);
        double[] x = new double[HISTORY];
        double[] v = new double[HISTORY];
        for (int i = 0; i < HISTORY; i++) {
            x[i] = 10.0 * (i - HISTORY + 1);
            v[i] = 1000 + 10 * (2 * r.nextDouble() - 1);
        }
        ModelSelection selection = ModelSelection.select(x, v);
        assertThat(selection.k80IfConfirmed()).as("the backtest's own multiple").isLessThan(ModelSelection.Z80 - 0.1);
        assertThat(selection.k80For(null)).isEqualTo(selection.k80For(false)).isEqualTo(ModelSelection.Z80);
        assertThat(selection.k80For(true)).isEqualTo(selection.k80IfConfirmed());
    }

    /**
     * A confirmed growth whose errors grow with the lead (a random walk's rate wanders) keeps the
     * textbook 80% band: its backtest measured shorter leads than the forecast's.
     */
    @Test
    void confirmedWanderingGrowthKeepsTheTextbookMultiple() {
        Random r = new Random(9);
        double[] x = new double[HISTORY];
        double[] v = new double[HISTORY];
        double level = 200;
        for (int i = 0; i < HISTORY; i++) {
            level += 0.5 + 3 * r.nextGaussian();
            x[i] = 10.0 * (i - HISTORY + 1);
            v[i] = level;
        }
        ModelSelection selection = ModelSelection.select(x, v);
        assertThat(selection.growth().power()).isGreaterThan(ModelSelection.STEADY_POWER);
        assertThat(selection.k80For(true)).isEqualTo(selection.k80()).isGreaterThanOrEqualTo(ModelSelection.Z80);
    }

    /**
     * A level with bursts (three points in thirty thirty units up), as a JVM's CPU between batch runs:
     * the bursts set the error scale, so most errors sit well under the textbook 80% multiple of it
     * while the bursts reach past the textbook 95% one. The 80% band follows the errors' own shape
     * (under the textbook multiple, which the old rule kept) and still covers 70-90%.
     */
    @Test
    void spikyLevelGetsAnEightyPercentBandOfItsOwnShape() {
        Process spiky = (r, n) -> {
            double[] v = new double[n];
            int phase = r.nextInt(30);
            for (int i = 0; i < n; i++) {
                v[i] = 10 + ((i + phase) % 30 < 3 ? 30 : 0) + r.nextGaussian();
            }
            return v;
        };
        assertCoverage(new Random(10), spiky);
        Random r = new Random(11);
        double[] v = spiky.generate(r, HISTORY);
        double[] x = new double[HISTORY];
        for (int i = 0; i < HISTORY; i++) {
            x[i] = 10.0 * (i - HISTORY + 1);
        }
        ModelSelection selection = ModelSelection.select(x, v);
        assertThat(selection.k80()).isLessThan(ModelSelection.Z80 - 0.1);
        assertThat(selection.k95()).isGreaterThanOrEqualTo(ModelSelection.Z95);
    }

    /**
     * A JVM's CPU between requests, a level with noise, with the multiple {@link CpuForecaster} takes:
     * its backtest's own 80% multiple ({@link ModelSelection#ownEighty}). The error scale is the largest
     * of three estimates of the errors' spread, so the textbook multiple of it covered more than it
     * claimed; the backtest's own covers 75-85% over leads as long as the history.
     */
    @Test
    void cpuLevelWithItsBacktestsOwnEightyPercentMultiple() {
        Process cpu = (r, n) -> {
            double[] v = new double[n];
            for (int i = 0; i < n; i++) {
                v[i] = 0.02 + 0.004 * r.nextGaussian();
            }
            return v;
        };
        double floored = coverage80(new Random(12), cpu, CpuForecaster.CANDIDATES, s -> s);
        double own = coverage80(new Random(12), cpu, CpuForecaster.CANDIDATES, ModelSelection::ownEighty);
        assertThat(own).isBetween(0.75, 0.85);
        assertThat(floored).as("the textbook floor's coverage").isGreaterThan(own + 0.02);
    }

    /**
     * The heap after collections under a batch job: it climbs a step a window and drops back after five to
     * seven, a sawtooth about a level. Its changes over half the history are hardly larger than over one
     * step, so the level's bands stay as wide as the swing ({@link ModelSelection#boundedSwing}) and
     * cover 75-87% at 80% over leads as long as the history; grown like a random walk's past the leads the
     * backtest measured, with the textbook floor, they covered more (97% over six sets of recordings).
     */
    @Test
    void sawtoothSwingsWithinItsBand() {
        Process sawtooth = (r, n) -> {
            double[] v = new double[n];
            int length = 5 + r.nextInt(3);
            int at = r.nextInt(length);
            for (int i = 0; i < n; i++) {
                v[i] = 50 + 75.0 * at / length + 3 * r.nextGaussian();
                if (++at == length) {
                    // batches of five to seven windows: no cycle a periodogram could carry on
                    at = 0;
                    length = 5 + r.nextInt(3);
                }
            }
            return v;
        };
        double[] x = new double[HISTORY];
        for (int i = 0; i < HISTORY; i++) {
            x[i] = 10.0 * (i - HISTORY + 1);
        }
        assertThat(ModelSelection.select(x, sawtooth.generate(new Random(13), HISTORY)).swingsAboutLevel()).isTrue();
        double bounded = coverage80(new Random(14), sawtooth, ModelSelection.CANDIDATES, ModelSelection::boundedSwing);
        double walking = coverage80(new Random(14), sawtooth, ModelSelection.CANDIDATES, s -> s);
        assertThat(bounded).isBetween(0.75, 0.87);
        assertThat(walking).as("grown like a random walk, with the textbook floor").isGreaterThan(bounded + 0.03);
    }

    /** The 80% coverage of {@code p}'s forecasts by {@code candidates} with {@code bands} applied to each selection, leads 1 to HISTORY steps. */
    private static double coverage80(Random r, Process p, List<ForecastModel> candidates, UnaryOperator<ModelSelection> bands) {
        int in80 = 0;
        int total = 0;
        for (int s = 0; s < SERIES; s++) {
            double[] all = p.generate(r, 2 * HISTORY);
            double[] t = new double[HISTORY];
            double[] v = Arrays.copyOf(all, HISTORY);
            for (int i = 0; i < HISTORY; i++) {
                t[i] = 10.0 * i;
            }
            double[] x = SeriesForecaster.relativeTimes(new Series(t, v));
            ModelSelection selection = bands.apply(ModelSelection.select(x, v, candidates));
            ForecastModel.Fit fit = selection.model().fit(x, v);
            if (fit == null) {
                // as SeriesForecaster does when the winner declines the whole history
                selection = selection.withModel(ModelSelection.fallback(candidates));
                fit = selection.model().fit(x, v);
            }
            for (int lead = 1; lead <= HISTORY; lead++) {
                double error = Math.abs(all[HISTORY - 1 + lead] - fit.valueAt(10.0 * lead));
                in80 += error <= selection.k80For(null) * selection.sigma(fit, 10.0 * lead) ? 1 : 0;
                total++;
            }
        }
        return (double) in80 / total;
    }

    private static void assertCoverage(Random r, Process p) {
        assertCoverage(r, p, ModelSelection.CANDIDATES, null, 0.90);
    }

    private static void assertCoverage(Random r, Process p, List<ForecastModel> candidates, String model, double max80) {
        assertCoverage(r, p, candidates, model, null, max80, 0.99);
    }

    /**
     * Scores the series' forecasts, only those by {@code model} when it is not null, as forecasts of a
     * growth confirmed or not ({@link ModelSelection#k80For}).
     */
    private static void assertCoverage(Random r, Process p, List<ForecastModel> candidates, String model, Boolean confirmed,
            double max80, double max95) {
        int in80 = 0;
        int in95 = 0;
        int total = 0;
        int scored = 0;
        for (int s = 0; s < SERIES; s++) {
            double[] all = p.generate(r, HISTORY + FUTURE);
            double[] t = new double[HISTORY];
            double[] v = new double[HISTORY];
            for (int i = 0; i < HISTORY; i++) {
                t[i] = 10.0 * i;
                v[i] = all[i];
            }
            double[] x = SeriesForecaster.relativeTimes(new Series(t, v));
            ModelSelection selection = ModelSelection.select(x, v, candidates);
            ForecastModel.Fit fit = selection.model().fit(x, v);
            if (fit == null) {
                // as SeriesForecaster does when the winner declines the whole history
                selection = selection.withModel(ModelSelection.CANDIDATES.get(1));
                fit = selection.model().fit(x, v);
            }
            if (model != null && !model.equals(selection.model().name())) {
                continue;
            }
            scored++;
            // every tenth step of the simulated future, as the reported points' bands are built
            for (int lead = 4; lead <= FUTURE; lead += 4) {
                double error = Math.abs(all[HISTORY - 1 + lead] - fit.valueAt(10.0 * lead));
                double sigma = selection.sigma(fit, 10.0 * lead);
                total++;
                in80 += error <= selection.k80For(confirmed) * sigma ? 1 : 0;
                in95 += error <= selection.k95() * sigma ? 1 : 0;
            }
        }
        assertThat(total).isEqualTo(scored * FUTURE / 4).isGreaterThanOrEqualTo(SERIES * FUTURE / 8);
        double c80 = (double) in80 / total;
        double c95 = (double) in95 / total;
        assertThat(c80).as("80%% coverage %.3f over %d", c80, total).isBetween(0.70, max80);
        assertThat(c95).as("95%% coverage %.3f over %d", c95, total).isBetween(0.88, max95);
    }
}
