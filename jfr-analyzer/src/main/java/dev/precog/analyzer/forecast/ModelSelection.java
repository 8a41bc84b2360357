package dev.precog.analyzer.forecast;

import dev.precog.analyzer.stats.MannKendall;
import dev.precog.analyzer.stats.NormalDistribution;
import dev.precog.model.Forecast.ModelScore;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Chooses a model for one series by rolling-origin backtesting on that series' own history:
 * each candidate is fitted on the points before several origins and scored on the points after
 * them. The winner's errors then set its intervals: how they grow with the lead (a power law
 * fitted to their spread, so a random walk widens like the square root of time and a wrong
 * slope linearly) and how heavy their tails are, so an 80% band covers about 80% of what this
 * series really did, not what a textbook model assumes.
 *
 * @param model the chosen model
 * @param scores every candidate's backtest error, the chosen one marked
 * @param growth how the chosen model's errors grow with the lead; null when the backtest had too
 *     few errors to tell, and the model's own sigma is used
 * @param drift how far the series strayed from the chosen model's path over every lag of its whole
 *     history ({@link DriftSpread}); null when that cannot be told
 * @param k80 multiplier of the error scale for the two-sided 80% interval: the backtest's own (its
 *     errors' 80% quantile over the scale, shrunk towards the textbook multiple), never under the textbook
 *     one unless the errors' 95% quantile reaches the textbook 95% multiple (see {@link #k80For}); in a copy
 *     made by {@link #ownEighty}, {@code own80}
 * @param k80IfConfirmed the 80% multiplier for a growth a detector confirmed ({@link #k80For}): the backtest's
 *     own, shrunk towards the textbook one but free to stay under it, when the chosen model has steady
 *     increments and its errors do not grow with the lead; {@code k80} otherwise
 * @param own80 the backtest's own 80% multiplier, shrunk towards the textbook one and free to stay under
 *     it whatever the errors' tail: what {@link #ownEighty} gives the metrics that take it; without a
 *     backtest (fewer than {@link #MIN_BACKTEST_POINTS} points, or a model fitted in place of the chosen
 *     one) the same Student-t or textbook multiple as {@code k80}
 * @param k95 multiplier for the 95% interval
 * @param floor the smallest error scale: one step of the series' resolution (a thread count moves by one,
 *     see {@link #floor}), so a series that never moved still gets bands and no division by zero
 * @param swingsAboutLevel whether the level was chosen and the history's drift about it does not grow with the
 *     lag (its power under {@link #STEADY_POWER}): a series that swings within a band ({@link #boundedSwing})
 */
record ModelSelection(ForecastModel model, List<ModelScore> scores, ErrorGrowth growth, ErrorGrowth drift, double k80,
        double k80IfConfirmed, double own80, double k95, double floor, boolean swingsAboutLevel) {

    /**
     * The 80% multiplier for a target: for a growth a detector confirmed (a heap leak) whose errors
     * about a line stay bounded, the backtest's own even under the textbook one. A staircase's steps
     * swing the heap within a fixed band about its line, which the robust normal scale overstates: at
     * the textbook multiple its 80% band held everything, on every set. Elsewhere not under the
     * textbook one unless the history showed its tail (below): a healthy series' future holds steps
     * no history of it shows (Precog's own chunk rotation, garbage promoted before the first old
     * cycle); errors that grow with the lead (a leak
     * whose rate wanders) are measured by the backtest over shorter leads than the forecast's; and an
     * exponential's errors are measured against its size, which compounds. Those reasons speak of a
     * history that showed too little; where the errors' own 95% quantile reaches the textbook 95% multiple
     * the history did show its jumps, and an 80% quantile under the textbook one is the errors' shape (a
     * CPU flat between bursts), not luck: the 80% band then follows it (since 2026-12-05 19:50: the JVM's
     * and the host's CPU were 90-94% at 80% on five sets, five series far; 95% unchanged). The 95%
     * multiplier keeps the textbook floor everywhere: that band must reach jumps no history shows.
     * CPU's forecasters go further and take the backtest's own 80% multiplier whatever its tail
     * ({@link #ownEighty}, since 2026-12-05 23:45).
     */
    double k80For(Boolean growthConfirmed) {
        return Boolean.TRUE.equals(growthConfirmed) ? k80IfConfirmed : k80;
    }

    /**
     * The same choice whose 80% band takes the backtest's own multiplier, confirmed growth or not:
     * for a metric whose history shows what its future does ({@link MetricForecaster#eightyFromBacktest}).
     * The 95% multiplier keeps its textbook floor.
     */
    ModelSelection ownEighty() {
        return new ModelSelection(model, scores, growth, drift, own80, own80, own80, k95, floor, swingsAboutLevel);
    }

    /**
     * For a series that swings within a band ({@link #swingsAboutLevel}: no trend, and its changes over half
     * its history hardly larger than over one step, as a batch's sawtooth or a cache refilled in cycles), the same
     * choice whose errors past the leads the backtest measured grow as they did within them, not at least like
     * a random walk's ({@link ErrorGrowth#bounded}), and whose 80% band takes the backtest's own multiplier. The
     * random walk's growth and the textbook floor are for a history that showed too little; one that swung
     * across its whole band again and again showed it. On six sets of recordings the sawtooth's heap was covered
     * 97% at 80% (far on the across-sets page) and 90% with this. The 95% multiplier keeps its textbook floor;
     * other selections are returned as they are.
     */
    ModelSelection boundedSwing() {
        if (!swingsAboutLevel) {
            return this;
        }
        return new ModelSelection(model, scores, growth == null ? null : growth.bounded(), drift.bounded(), own80, own80, own80,
                k95, floor, true);
    }

    /**
     * The error scale at {@code lead} seconds for {@code fit}: the backtest's growth law, but never
     * under the model's own sigma or the history's drift, since a backtest over a dozen origins
     * can be lucky.
     */
    double sigma(ForecastModel.Fit fit, double lead) {
        return scale(fit.sigmaAt(lead), lead, fit.magnitudeAt(lead), growth, drift, floor);
    }

    /**
     * The largest of the model's own sigma, the backtest's growth law (of errors over the fit's
     * {@code magnitude}, see {@link ForecastModel.Fit#magnitudeAt}), the history's drift and the floor.
     */
    static double scale(double own, double lead, double magnitude, ErrorGrowth growth, ErrorGrowth drift, double floor) {
        double s = Math.max(floor, own);
        if (growth != null) {
            s = Math.max(s, magnitude * growth.at(lead));
        }
        return drift == null ? s : Math.max(s, drift.at(lead));
    }

    /**
     * Error spread {@code scale * (lead / unit)^power}, never below its value at one step. Past
     * {@code observed}, the longest lead the law was fitted on, it grows at most linearly (only a
     * wrong slope is known to keep growing, and a faster power seen over minutes, carried to a week,
     * would swallow any forecast) and at least like a random walk: a series seen flat for a minute is
     * not known to stay flat for ten. The least power past {@code observed} is {@code least}: the random walk's
     * unless the history showed its swing bounded ({@link #bounded}).
     */
    record ErrorGrowth(double scale, double power, double unit, double observed, double least) {

        /** The least power past the leads measured: a random walk's spread grows with the square root of time. */
        static final double RANDOM_WALK = 0.5;

        /** A law whose least power past the leads measured is the random walk's. */
        ErrorGrowth(double scale, double power, double unit, double observed) {
            this(scale, power, unit, observed, RANDOM_WALK);
        }

        /** The same law going on past the leads measured at its own power, however small. */
        ErrorGrowth bounded() {
            return new ErrorGrowth(scale, power, unit, observed, 0);
        }

        double at(double lead) {
            double l = Math.max(lead, unit);
            if (l <= observed) {
                return scale * Math.pow(l / unit, power);
            }
            double beyond = Math.min(1, Math.max(least, power));
            return scale * Math.pow(observed / unit, power) * Math.pow(l / observed, beyond);
        }
    }

    /** Candidates, simplest first: a more complex model must beat a simpler one clearly. */
    static final List<ForecastModel> CANDIDATES = List.of(
            new LevelModel(), new LinearTrendModel(), new DampedTrendModel(), new SeasonalTrendModel());
    /**
     * Errors growing with the lead by a power under this count as not growing: a bounded swing about a right
     * line, or (the drift's) about a level.
     */
    static final double STEADY_POWER = 0.25;
    /**
     * Fewer points than this are not backtested: the fallback (the line) is used with textbook
     * intervals when the series has a significant trend, the first candidate otherwise (the level,
     * or the line where the level is not a candidate).
     */
    static final int MIN_BACKTEST_POINTS = 12;
    static final int ORIGINS = 12;
    /** The first origin, as a share of the history; the last leaves a few points to score. */
    static final double FIRST_ORIGIN = 0.3;
    /** A model is scored at most this share of the history past each origin. */
    static final double MAX_LEAD_SHARE = 0.5;
    /** A more complex model must have a backtest error under this share of a simpler one's. */
    static final double BETTER_BY = 0.95;
    /**
     * Weight of the textbook quantile against the empirical one, in pseudo-observations: errors
     * from one origin are correlated, so a few dozen of them are worth far fewer.
     */
    static final double PRIOR_WEIGHT = 30;
    static final double Z80 = NormalDistribution.quantile(0.9);
    static final double Z95 = NormalDistribution.quantile(0.975);

    /** Selects over {@code x} (seconds, last point at 0) and {@code v}. */
    static ModelSelection select(double[] x, double[] v) {
        return select(x, v, CANDIDATES);
    }

    /** Selects among {@code candidates}, simplest first; {@link #fallback} when none can be scored. */
    static ModelSelection select(double[] x, double[] v, List<ForecastModel> candidates) {
        int n = v.length;
        if (n < MIN_BACKTEST_POINTS) {
            double p = MannKendall.test(v).pIncreasing();
            boolean trend = Math.min(p, 1 - p) < SeriesForecaster.SIGNIFICANCE;
            ForecastModel model = trend ? fallback(candidates) : candidates.get(0);
            List<ModelScore> scores = new ArrayList<>();
            for (ForecastModel m : candidates) {
                scores.add(new ModelScore(m.name(), null, 0, m == model));
            }
            // the scale itself is estimated from a handful of points: Student's t, not the normal
            ErrorGrowth drift = DriftSpread.of(model, x, v, ForecastModel.meanStep(x));
            double t80 = studentT(Z80, n - 2);
            return new ModelSelection(model, scores, null, drift, t80, t80, t80, studentT(Z95, n - 2), floor(v), false);
        }
        double floor = floor(v);
        List<Backtest> tests = new ArrayList<>();
        for (ForecastModel m : candidates) {
            tests.add(Backtest.of(m, x, v, floor));
        }
        Backtest chosen = null;
        for (Backtest t : tests) {
            if (t.usable() && (chosen == null || t.meanAbsoluteError() < BETTER_BY * chosen.meanAbsoluteError())) {
                chosen = t;
            }
        }
        if (chosen == null) {
            chosen = tests.get(fallbackIndex(candidates));
        }
        List<ModelScore> scores = new ArrayList<>();
        for (Backtest t : tests) {
            scores.add(new ModelScore(t.model().name(), t.usable() ? t.meanAbsoluteError() : null, t.count(), t == chosen));
        }
        double unit = ForecastModel.meanStep(x);
        ErrorGrowth growth = chosen.growth(unit);
        ErrorGrowth drift = DriftSpread.of(chosen.model(), x, v, unit);
        double measured80 = chosen.multiplier(growth, drift, 0.8, Z80, floor);
        double measured95 = chosen.multiplier(growth, drift, 0.95, Z95, floor);
        // a right line with a bounded swing about it: errors that do not grow with the lead, about a model of steady increments
        boolean boundedAboutLine = chosen.model().steadyIncrements() && growth != null && growth.power() < STEADY_POWER;
        // errors whose tail reaches the textbook 95% multiple are no lucky history: their 80% quantile is their shape
        double k80 = measured95 >= Z95 ? measured80 : Math.max(Z80, measured80);
        boolean swingsAboutLevel = chosen.model() instanceof LevelModel && drift != null && drift.power() < STEADY_POWER;
        return new ModelSelection(chosen.model(), scores, growth, drift, k80, boundedAboutLine ? measured80 : k80, measured80,
                Math.max(Z95, measured95), floor, swingsAboutLevel);
    }

    /**
     * The model used when none can be scored, or when the chosen one declines a history: the line
     * when it is a candidate, else the second of them (the damped trend among the CPU's; the only
     * one of a list of one), which never declines.
     */
    static ForecastModel fallback(List<ForecastModel> candidates) {
        return candidates.get(fallbackIndex(candidates));
    }

    private static int fallbackIndex(List<ForecastModel> candidates) {
        for (int i = 0; i < candidates.size(); i++) {
            if (candidates.get(i) instanceof LinearTrendModel) {
                return i;
            }
        }
        return Math.min(1, candidates.size() - 1);
    }

    /** The same choice with textbook multipliers: for a model fitted without its backtest. */
    ModelSelection withModel(ForecastModel other) {
        return new ModelSelection(other, scores, null, drift, Z80, Z80, Z80, Z95, floor, false);
    }

    /**
     * One step of the series' resolution, so a series that never moved still gets bands: for whole
     * numbers the greatest common divisor of the values themselves (a count moves by one, even when it
     * grows by ten a window: 111, 121, 131 threads step by ten but are counted one by one), else the
     * smallest step between distinct values when every value is a whole multiple of it, else a
     * billionth of the largest value. Until 2026-12-06 13:50 it was half a step of the steps' own
     * divisor: the thread leak's count on set 24, ten threads a window with none ending yet, got a
     * resolution of ten and bands of ±3 threads at 80% where it was off by one (99.5% inside); and half
     * a step of one thread is a 95% band of ±0.98 about a whole number, which holds that number alone,
     * while a count is off by one whenever a thread ends or starts at a window's edge (with half a step,
     * 85% inside at 95% on set 24; with one step 92%, and 79%, 98%, 72% at 80% on sets 22 to 24). The
     * smallest step of a series that grows a few MB a window is its growth, not its resolution: taken as
     * a floor it made a steady leak's bands wider than anything the leak did.
     */
    static double floor(double[] v) {
        double[] sorted = v.clone();
        Arrays.sort(sorted);
        double largest = Math.max(Math.abs(sorted[0]), Math.abs(sorted[sorted.length - 1]));
        double tiny = 1e-9 * (1 + largest);
        double step = Double.POSITIVE_INFINITY;
        for (int i = 1; i < sorted.length; i++) {
            double d = sorted[i] - sorted[i - 1];
            if (d > 0) {
                step = Math.min(step, d);
            }
        }
        if (Double.isInfinite(step)) {
            return tiny;
        }
        if (largest < 0x1p53 && wholeMultiples(sorted, 1)) {
            long gcd = 0;
            for (double value : sorted) {
                gcd = gcd(gcd, Math.abs(Math.round(value)));
            }
            return Math.max(tiny, gcd);
        }
        return wholeMultiples(sorted, step) ? step : tiny;
    }

    private static boolean wholeMultiples(double[] v, double step) {
        for (double value : v) {
            double q = value / step;
            if (Math.abs(q - Math.rint(q)) > 1e-6 + 1e-12 * Math.abs(q)) {
                return false;
            }
        }
        return true;
    }

    private static long gcd(long a, long b) {
        return b == 0 ? a : gcd(b, a % b);
    }

    /** The Student-t quantile with {@code df} degrees of freedom matching normal quantile {@code z} (Cornish–Fisher). */
    static double studentT(double z, int df) {
        double nu = Math.max(1, df);
        return z + (z * z * z + z) / (4 * nu) + (5 * Math.pow(z, 5) + 16 * z * z * z + 3 * z) / (96 * nu * nu);
    }

    /**
     * One model's errors over the rolling origins, each with its lead, the model's own sigma there
     * (never under the series' floor) and the fit's magnitude there.
     */
    private record Backtest(ForecastModel model, double[] absoluteErrors, double[] leads, double[] sigmas, double[] magnitudes,
            int origins) {

        static Backtest of(ForecastModel model, double[] x, double[] v, double floor) {
            int n = v.length;
            int maxLead = Math.max(2, (int) (MAX_LEAD_SHARE * n));
            double[] errors = new double[ORIGINS * maxLead];
            double[] sigmas = new double[ORIGINS * maxLead];
            double[] leads = new double[ORIGINS * maxLead];
            double[] magnitudes = new double[ORIGINS * maxLead];
            int count = 0;
            int fitted = 0;
            int previous = -1;
            for (int k = 0; k < ORIGINS; k++) {
                int origin = (int) Math.round(n * (FIRST_ORIGIN + (1 - FIRST_ORIGIN) * k / ORIGINS));
                origin = Math.min(origin, n - 2);
                if (origin <= previous || origin < model.minPoints()) {
                    continue;
                }
                previous = origin;
                double[] trainX = Arrays.copyOf(x, origin);
                double t0 = trainX[origin - 1];
                for (int i = 0; i < origin; i++) {
                    trainX[i] -= t0;
                }
                ForecastModel.Fit fit = model.fit(trainX, Arrays.copyOf(v, origin));
                if (fit == null) {
                    continue;
                }
                fitted++;
                for (int j = origin; j < Math.min(n, origin + maxLead); j++) {
                    double lead = x[j] - t0;
                    double e = v[j] - fit.valueAt(lead);
                    errors[count] = Math.abs(e);
                    leads[count] = lead;
                    sigmas[count] = Math.max(fit.sigmaAt(lead), floor);
                    magnitudes[count] = fit.magnitudeAt(lead);
                    count++;
                }
            }
            return new Backtest(model, Arrays.copyOf(errors, count), Arrays.copyOf(leads, count), Arrays.copyOf(sigmas, count),
                    Arrays.copyOf(magnitudes, count), fitted);
        }

        /** Scored at half the origins or more: a model that declines most of the history is not chosen. */
        boolean usable() {
            return origins * 2 >= ORIGINS && absoluteErrors.length > 0;
        }

        int count() {
            return absoluteErrors.length;
        }

        double meanAbsoluteError() {
            double sum = 0;
            for (double e : absoluteErrors) {
                sum += e;
            }
            return absoluteErrors.length == 0 ? Double.POSITIVE_INFINITY : sum / absoluteErrors.length;
        }

        /**
         * The errors' spread (over the fit's magnitude) against the lead, as a power law of the
         * median square per lead bin ({@link LeadBins}), so one spike does not set the scale; null
         * when too few errors.
         */
        ErrorGrowth growth(double unit) {
            LeadBins bins = new LeadBins(unit);
            for (int i = 0; i < leads.length; i++) {
                double relative = absoluteErrors[i] / magnitudes[i];
                bins.add(leads[i], relative * relative);
            }
            return bins.powerLaw(bins.robustVariances(), 3);
        }

        /**
         * The empirical {@code coverage} quantile of the errors over the scale the bands use, shrunk towards the
         * textbook {@code nominal} (the backtest sees one stretch of history); the caller keeps it from going
         * under {@code nominal} where the history's luck is no reason for narrower bands.
         */
        double multiplier(ErrorGrowth growth, ErrorGrowth drift, double coverage, double nominal, double floor) {
            if (sigmas.length == 0) {
                return nominal;
            }
            double[] sorted = new double[sigmas.length];
            for (int i = 0; i < sorted.length; i++) {
                // the same scale the bands use
                sorted[i] = absoluteErrors[i] / scale(sigmas[i], leads[i], magnitudes[i], growth, drift, floor);
            }
            Arrays.sort(sorted);
            double empirical = sorted[Math.min(sorted.length - 1, (int) Math.ceil(coverage * sorted.length) - 1)];
            int m = sorted.length;
            return (m * empirical + PRIOR_WEIGHT * nominal) / (m + PRIOR_WEIGHT);
        }
    }
}
