package dev.precog.analyzer.forecast;

import dev.precog.analyzer.stats.MannKendall;
import dev.precog.analyzer.timeline.Series;
import dev.precog.model.Forecast;
import dev.precog.model.ForecastPoint;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleUnaryOperator;

/**
 * Forecasts one prepared series against its limit: the model chosen by {@link ModelSelection},
 * its point forecast with calibrated 80% and 95% bands, and the time the point forecast and the
 * 95% bands reach the limit. A crossing is claimed only when the series really moves towards the
 * limit (see {@link ForecastTarget#growthConfirmed()}); noise around a level never claims one.
 */
final class SeriesForecaster {

    /** The horizon is at most this many times the history: further out is a guess. */
    static final double HISTORY_MULTIPLE = 10;
    static final double MIN_HORIZON_SECONDS = 600;
    static final double MAX_HORIZON_SECONDS = 7 * 24 * 3600.0;
    /** Points reported per forecast. */
    static final int POINTS = 12;
    /** One-sided p-value of the Mann–Kendall trend towards the limit below which it is believed. */
    static final double SIGNIFICANCE = 0.01;
    /** Leads tried when looking for a crossing, denser near now; then refined by bisection. */
    private static final int SEARCH_STEPS = 200;
    private static final int BISECTIONS = 40;

    private SeriesForecaster() {}

    /**
     * A model fitted to a target's history, with the selection that calibrates its bands and the factors the
     * series' own earlier forecasts scale them by ({@link BandCalibration}).
     */
    record Fitted(ForecastTarget target, ForecastModel.Fit fit, ModelSelection selection, BandCalibration.Factors factors) {

        Fitted(ForecastTarget target, ForecastModel.Fit fit, ModelSelection selection) {
            this(target, fit, selection, BandCalibration.Factors.NONE);
        }

        /** The same fit with its bands scaled by {@code calibrated}. */
        Fitted withFactors(BandCalibration.Factors calibrated) {
            return new Fitted(target, fit, selection, calibrated);
        }

        /** {value, low95, high95, low80, high80} {@code lead} seconds past the last point, clipped to the metric's range. */
        double[] bandsAt(double lead) {
            double value = fit.valueAt(lead);
            double sigma = selection.sigma(fit, lead);
            double half95 = halfWidth(sigma, value, lead, selection.k95(), ModelSelection.Z95);
            double half80 = halfWidth(sigma, value, lead, selection.k80For(target.growthConfirmed()), ModelSelection.Z80);
            // what another signal may add lifts the upper bands, what may be taken back lowers the lower ones; the point stays
            ForecastTarget.Allowance above = target.above();
            ForecastTarget.Allowance below = target.below();
            double f95 = factors.at95(lead);
            double f80 = factors.at80(lead);
            double low95 = f95 * (below.at(lead, 0.95) + half95);
            double high95 = f95 * (above.at(lead, 0.95) + half95);
            // scaled, the 80% band still keeps its least half-width, and stays within the 95% one
            double least80 = halfWidth(0, value, lead, 0, ModelSelection.Z80);
            double low80 = Math.min(low95, Math.max(least80, f80 * (below.at(lead, 0.8) + half80)));
            double high80 = Math.min(high95, Math.max(least80, f80 * (above.at(lead, 0.8) + half80)));
            return new double[] {clip(target, value), clip(target, value - low95), clip(target, value + high95),
                clip(target, value - low80), clip(target, value + high80)};
        }

        /**
         * Half a band's width {@code lead} seconds ahead: the calibrated multiple {@code k} of the error scale
         * {@code sigma}, but never under the textbook multiple {@code z} of the target's least error scales, its
         * share of the level {@code value} and its share of what the trend adds by then, nor under one step of the
         * series' resolution: a band of less than one thread about a thread count holds one count, and claims it
         * exact (the thread leak's count on set 25, ten threads a window with none ended yet, had an 80% band of
         * ±0.6 threads at every lead from a backtest whose errors were all zero, and was 58% inside it).
         */
        private double halfWidth(double sigma, double value, double lead, double k, double z) {
            double least = Math.max(target.levelShare() * Math.abs(value), target.rateShare() * Math.abs(fit.slope()) * lead);
            return Math.max(Math.max(k * sigma, z * least), selection.floor());
        }

        /**
         * What the bands add to the model's trend by {@code lead}, or take from it, in words, or null: every
         * allowance the fit added counts (the history's acceleration, its departure), not only the target's own; and
         * how the series' own earlier forecasts scaled them ({@link BandCalibration.Factors#describe}).
         */
        String adjustment(double lead) {
            String added = ForecastTarget.Allowance.sum(target.above(), target.below()).describe(lead);
            String scaled = factors.describe(lead);
            return added == null ? scaled : scaled == null ? added : added + "; " + scaled;
        }

        /**
         * How far the point forecast, or a 95% band ({@code side} +1 the band towards the limit, -1
         * the other), is past the limit at {@code lead}.
         */
        double beyondLimit(double lead, int side) {
            double sign = target.rising() ? 1 : -1;
            double value = fit.valueAt(lead);
            double half = halfWidth(selection.sigma(fit, lead), value, lead, selection.k95(), ModelSelection.Z95);
            double band = value;
            if (sign * side > 0) {
                // the upper band
                band += factors.at95(lead) * (half + target.above().at(lead, 0.95));
            } else if (side != 0) {
                band -= factors.at95(lead) * (half + target.below().at(lead, 0.95));
            }
            return sign * (band - target.threshold());
        }
    }

    /** Fits the selected model to the target's history (the line, when the chosen model declines it). */
    static Fitted fit(ForecastTarget target, ModelSelection selection) {
        return fit(target, selection, ModelSelection.fallback(ModelSelection.CANDIDATES));
    }

    /**
     * Fits the selected model to the target's history, or {@code fallback} (a model that never
     * declines) when the chosen one declines it: a cycle lost, an exponential gone flat.
     */
    static Fitted fit(ForecastTarget target, ModelSelection selection, ForecastModel fallback) {
        Series h = target.history();
        double[] x = relativeTimes(h);
        ForecastModel.Fit fit = selection.model().fit(x, h.values());
        if (fit == null) {
            selection = selection.withModel(fallback);
            fit = selection.model().fit(x, h.values());
        }
        if (target.rising() && selection.model().steadyIncrements()) {
            // a line or a level cannot bend; the history may
            target = target.withAbove(ForecastTarget.Allowance.larger(target.above(), Acceleration.of(x, h.values(), fit, target.unit(),
                    target.threshold())));
        }
        if (target.rising()) {
            // a model robust to outliers still forecasts the old level when the latest points left it
            target = target.withAbove(ForecastTarget.Allowance.larger(target.above(),
                    Departure.of(x, h.values(), selection, fit, target.unit())));
        }
        return new Fitted(target, fit, selection);
    }

    static Forecast forecast(ForecastTarget target, ModelSelection selection) {
        return forecast(fit(target, selection));
    }

    static Forecast forecast(Fitted fitted) {
        ForecastTarget target = fitted.target();
        Series h = target.history();
        double horizon = target.horizonSeconds();
        Double eta = null;
        Double etaLow = null;
        Double etaHigh = null;
        if (movesTowardsLimit(target)) {
            double claimed = claimHorizon(target);
            eta = firstCrossing(lead -> fitted.beyondLimit(lead, 0), claimed);
            if (eta != null) {
                // the pessimistic band reaches the limit first, the optimistic one last (or not at all)
                etaLow = firstCrossing(lead -> fitted.beyondLimit(lead, 1), claimed);
                etaHigh = firstCrossing(lead -> fitted.beyondLimit(lead, -1), claimed);
            }
        }
        double shown = eta == null ? horizon : Math.min(horizon, Math.max(60, 1.25 * eta));
        double step = ForecastModel.meanStep(relativeTimes(h));
        ForecastModel.Fit fit = fitted.fit();
        List<ForecastPoint> points = new ArrayList<>(POINTS);
        for (int i = 1; i <= POINTS; i++) {
            double lead = shown * i / POINTS;
            double[] b = fitted.bandsAt(lead);
            points.add(new ForecastPoint(Instant.ofEpochMilli(Math.round((h.lastTime() + lead) * 1000)), b[0], b[1], b[2], b[3],
                    b[4]));
        }
        return new Forecast("forecast:" + target.metric(), target.metric(), target.unit(), fitted.selection().model().name(),
                target.rising() ? Forecast.RISING : Forecast.FALLING, target.threshold(), target.thresholdSource(),
                clip(target, fit.valueAt(0)), fit.slope(), 0.95, eta, etaLow, etaHigh, null, horizon, step, h.size(),
                fitted.selection().scores(), points, fitted.adjustment(shown), target.historyNote());
    }

    /** Seconds relative to the last point. */
    static double[] relativeTimes(Series h) {
        double last = h.lastTime();
        double[] x = new double[h.size()];
        for (int i = 0; i < x.length; i++) {
            x[i] = h.times()[i] - last;
        }
        return x;
    }

    /** How far ahead a bare series is forecast: ten times its history, from ten minutes to a week. */
    static double horizon(Series h) {
        return Math.min(MAX_HORIZON_SECONDS, Math.max(MIN_HORIZON_SECONDS, HISTORY_MULTIPLE * h.spanSeconds()));
    }

    /**
     * How far ahead a crossing may be claimed: the horizon, but for a trend only the series' own
     * test vouches for, never past ten times the history (the shown horizon is at least ten
     * minutes; twenty seconds of a falling host metric do not predict the next ten). A growth the
     * leak detector confirmed keeps its whole horizon.
     */
    static double claimHorizon(ForecastTarget target) {
        double horizon = target.horizonSeconds();
        return target.growthConfirmed() != null ? horizon
                : Math.min(horizon, HISTORY_MULTIPLE * target.history().spanSeconds());
    }

    private static boolean movesTowardsLimit(ForecastTarget target) {
        if (target.growthConfirmed() != null) {
            return target.growthConfirmed();
        }
        double[] v = target.history().values();
        if (!target.rising()) {
            v = v.clone();
            for (int i = 0; i < v.length; i++) {
                v[i] = -v[i];
            }
        }
        return MannKendall.test(v).pIncreasing() < SIGNIFICANCE;
    }

    /**
     * The first lead in [0, horizon] where {@code f} is at or above zero, or null. Leads grow
     * quadratically (seconds apart near now, minutes a week out), then bisection pins the moment.
     */
    static Double firstCrossing(DoubleUnaryOperator f, double horizon) {
        if (f.applyAsDouble(0) >= 0) {
            return 0.0;
        }
        double previous = 0;
        for (int i = 1; i <= SEARCH_STEPS; i++) {
            double r = (double) i / SEARCH_STEPS;
            double lead = horizon * r * r;
            if (f.applyAsDouble(lead) >= 0) {
                double below = previous;
                double above = lead;
                for (int b = 0; b < BISECTIONS && above - below > 0.5; b++) {
                    double mid = (below + above) / 2;
                    if (f.applyAsDouble(mid) >= 0) {
                        above = mid;
                    } else {
                        below = mid;
                    }
                }
                return above;
            }
            previous = lead;
        }
        return null;
    }

    private static double clip(ForecastTarget target, double value) {
        return Math.max(target.floor(), Math.min(target.ceiling(), value));
    }
}
