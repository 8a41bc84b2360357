package dev.precog.analyzer.forecast;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

class DriftSpreadTest {

    private static final double STEP = 10;

    /**
     * A healthy heap whose floor creeps up a little between collections: the level model wins the
     * backtest, and its bands must still widen with the lead enough to hold where the creep goes.
     */
    @Test
    void aCreepingLevelGetsBandsThatHoldWhereItGoes() {
        Random r = new Random(11);
        int inside = 0;
        int total = 0;
        for (int s = 0; s < 100; s++) {
            double creep = 0.1 + 0.2 * r.nextDouble();
            double[] all = new double[60];
            double walk = 0;
            for (int i = 0; i < all.length; i++) {
                walk += creep * r.nextGaussian();
                all[i] = 1000 + walk + r.nextGaussian();
            }
            double[] x = times(30);
            double[] v = java.util.Arrays.copyOf(all, 30);
            ModelSelection selection = ModelSelection.select(x, v);
            ForecastModel.Fit fit = selection.model().fit(x, v);
            for (int lead = 5; lead <= 30; lead += 5) {
                double error = Math.abs(all[29 + lead] - fit.valueAt(STEP * lead));
                inside += error <= selection.k80() * selection.sigma(fit, STEP * lead) ? 1 : 0;
                total++;
            }
        }
        assertThat((double) inside / total).isBetween(0.70, 0.95);
    }

    @Test
    void theSpreadGrowsWithTheLeadOnARandomWalk() {
        Random r = new Random(12);
        double[] v = new double[120];
        double walk = 0;
        for (int i = 0; i < v.length; i++) {
            walk += r.nextGaussian();
            v[i] = 500 + walk;
        }
        ModelSelection.ErrorGrowth spread = DriftSpread.of(new LevelModel(), times(v.length), v, STEP);

        assertThat(spread).isNotNull();
        // a walk's spread grows like the square root of the lead: 16 steps, about 4 times one step
        assertThat(spread.at(16 * STEP) / spread.at(STEP)).isBetween(2.0, 8.0);
    }

    /**
     * A leak sampled in step with a report job every other window zigzags along its line (the
     * recorded periodic leak did, by 3.5 MB): no point strays further than the zigzag from the
     * line, though neighbours differ by twice that. The pairs of points still see some of the
     * jump (half the pairs at each lag straddle it), so the spread comes out about 1.6 times the
     * points' own.
     */
    @Test
    void aZigzagAlongALineIsAsWideAsItsSwingNotAsTheJumpBetweenNeighbours() {
        Random r = new Random(13);
        double[] v = new double[54];
        for (int i = 0; i < v.length; i++) {
            v[i] = 30 + 0.8 * i + (i % 2 == 0 ? 1.75 : -1.75) + 0.4 * r.nextGaussian();
        }
        ModelSelection.ErrorGrowth spread = DriftSpread.of(new LinearTrendModel(), times(v.length), v, STEP);

        assertThat(spread).isNotNull();
        // the points stray by 1.8 (sd); counting the jump between neighbours as noise made it 4.1
        assertThat(spread.at(20 * STEP)).isBetween(1.5, 3.2);
    }

    /** A one-time jump (a cache filled once) moves a few pairs at each lag, not the spread. */
    @Test
    void aSingleStepInTheHistoryDoesNotWidenEverything() {
        Random r = new Random(13);
        double[] v = new double[120];
        for (int i = 0; i < v.length; i++) {
            v[i] = (i < 30 ? 100 : 150) + r.nextGaussian();
        }
        ModelSelection.ErrorGrowth spread = DriftSpread.of(new LevelModel(), times(v.length), v, STEP);

        assertThat(spread).isNotNull();
        assertThat(spread.at(60 * STEP)).isLessThan(5.0);
    }

    @Test
    void modelsWhoseChangeDependsOnWhereItStartsGetNone() {
        double[] v = new double[60];
        for (int i = 0; i < v.length; i++) {
            v[i] = 100 + 10 * Math.sin(i / 3.0) + 5 * Math.exp(0.03 * i);
        }
        assertThat(DriftSpread.of(new SeasonalTrendModel(), times(v.length), v, STEP)).isNull();
        assertThat(DriftSpread.of(new ExponentialTrendModel(), times(v.length), v, STEP)).isNull();
    }

    /** {@code n} times {@link #STEP} apart, the last at 0. */
    private static double[] times(int n) {
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = STEP * (i - n + 1);
        }
        return x;
    }
}
