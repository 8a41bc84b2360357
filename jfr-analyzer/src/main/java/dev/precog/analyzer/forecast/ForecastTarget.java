package dev.precog.analyzer.forecast;

import dev.precog.analyzer.report.Format;
import dev.precog.analyzer.timeline.Series;
import dev.precog.model.Unit;
import java.util.Locale;

/**
 * What to forecast: a metric's prepared history and the limit it must not cross.
 *
 * @param metric the metric key reported
 * @param unit the metric's unit
 * @param history the points to fit (epoch seconds), warm-up dropped and reduced to a bounded count
 * @param threshold the limit, in the metric's unit
 * @param thresholdSource what the limit is, in words (e.g. {@code -Xmx})
 * @param rising true when the limit is a ceiling, false when a floor
 * @param growthConfirmed whether a detector's own test says the series really moves towards the
 *     limit; null to decide by the series' Mann–Kendall trend
 * @param floor the lowest value the metric can take (bands are clipped to it)
 * @param ceiling the highest value the metric can take
 * @param horizonSeconds how far ahead to forecast; a detector that vouches for the growth may allow
 *     more than {@link SeriesForecaster#horizon} gives a bare series
 * @param above what the series may gain beyond its model's trend (another signal, or the history's
 *     own acceleration); added to the upper bands, not to the point forecast (when it comes is not
 *     known well enough) nor the lower bands
 * @param below what the series may lose beneath its model's trend at a moment no model can place (garbage a full
 *     collection takes back); taken from the lower bands only
 * @param levelShare the least error scale, as a share of the forecast level: no band is narrower than the
 *     textbook multiple of it, however steady the history (see {@link HeapLiveSetForecaster#SURVIVOR_SHARE})
 * @param rateShare the least error scale of the trend's rate, as a share of the fitted rate: no band is narrower
 *     than the textbook multiple of this share of what the trend adds by the lead, however straight the history
 *     (see {@link MetaspaceForecaster#RATE_SHARE})
 * @param historyNote how the history was prepared, in words, when that is more than dropping the warm-up share: where
 *     it starts after a warm-up ramp ({@link WarmUpRamp}), the garbage taken out of it ({@link FullCollectionDrop#live});
 *     null otherwise
 */
public record ForecastTarget(String metric, Unit unit, Series history, double threshold, String thresholdSource, boolean rising,
        Boolean growthConfirmed, double floor, double ceiling, double horizonSeconds, Allowance above, Allowance below,
        double levelShare, double rateShare, String historyNote) {

    /** A target whose series owes nothing to another signal. */
    public ForecastTarget(String metric, Unit unit, Series history, double threshold, String thresholdSource, boolean rising,
            Boolean growthConfirmed, double floor, double ceiling, double horizonSeconds) {
        this(metric, unit, history, threshold, thresholdSource, rising, growthConfirmed, floor, ceiling, horizonSeconds,
                Allowance.NONE, Allowance.NONE, 0, 0, null);
    }

    /** The same target against another limit: what the backtest does to time a crossing it saw. */
    public ForecastTarget withThreshold(double limit, String source) {
        return new ForecastTarget(metric, unit, history, limit, source, rising, growthConfirmed, floor, ceiling, horizonSeconds,
                above, below, levelShare, rateShare, historyNote);
    }

    /** The same target over {@code other}, a series of the same metric: what the backtest scores against ({@link MetricForecaster#truth}). */
    public ForecastTarget withHistory(Series other) {
        return new ForecastTarget(metric, unit, other, threshold, thresholdSource, rising, growthConfirmed, floor, ceiling,
                horizonSeconds, above, below, levelShare, rateShare, historyNote);
    }

    /** The same target with {@code allowance} added above its trend. */
    public ForecastTarget withAbove(Allowance allowance) {
        return new ForecastTarget(metric, unit, history, threshold, thresholdSource, rising, growthConfirmed, floor, ceiling,
                horizonSeconds, allowance, below, levelShare, rateShare, historyNote);
    }

    /** The same target with {@code allowance} taken below its trend. */
    public ForecastTarget withBelow(Allowance allowance) {
        return new ForecastTarget(metric, unit, history, threshold, thresholdSource, rising, growthConfirmed, floor, ceiling,
                horizonSeconds, above, allowance, levelShare, rateShare, historyNote);
    }

    /** The same target whose bands are never narrower than the textbook multiples of {@code share} of the level. */
    public ForecastTarget withLevelShare(double share) {
        return new ForecastTarget(metric, unit, history, threshold, thresholdSource, rising, growthConfirmed, floor, ceiling,
                horizonSeconds, above, below, share, rateShare, historyNote);
    }

    /** The same target whose bands are never narrower than the textbook multiples of {@code share} of the trend's growth. */
    public ForecastTarget withRateShare(double share) {
        return new ForecastTarget(metric, unit, history, threshold, thresholdSource, rising, growthConfirmed, floor, ceiling,
                horizonSeconds, above, below, levelShare, share, historyNote);
    }

    /** The same target saying, in {@code note}, how its history was prepared. */
    public ForecastTarget withHistoryNote(String note) {
        return new ForecastTarget(metric, unit, history, threshold, thresholdSource, rising, growthConfirmed, floor, ceiling,
                horizonSeconds, above, below, levelShare, rateShare, note);
    }

    /**
     * What a series may gain {@code lead} seconds ahead that its model cannot show, known from
     * another signal (the GC's CPU as the heap fills) or from how the history bends.
     */
    public interface Allowance {

        /** Nothing added. */
        Allowance NONE = new Allowance() {
            @Override
            public double at(double lead, double level) {
                return 0;
            }

            @Override
            public String describe(double lead) {
                return null;
            }
        };

        /**
         * What is added to the upper band of {@code level} (0.8 or 0.95) {@code lead} seconds past the
         * last point (or, below the trend, taken from the lower band), in the metric's unit, never negative.
         */
        double at(double lead, double level);

        /** What is added by {@code lead}, in words for the report; null when it is nothing worth saying. */
        String describe(double lead);

        /** {@code added} in {@code unit}, as the reports write an allowance. */
        static String amount(double added, Unit unit) {
            return switch (unit) {
                case BYTES -> Format.bytes(added);
                case RATIO -> String.format(Locale.ROOT, "%.1f%% of all CPUs", 100 * added);
                default -> String.format(Locale.ROOT, "%.1f", added);
            };
        }

        /** Both {@code a} and {@code b}, for what each adds to a different part of the series. */
        static Allowance sum(Allowance a, Allowance b) {
            return new Allowance() {
                @Override
                public double at(double lead, double level) {
                    return a.at(lead, level) + b.at(lead, level);
                }

                @Override
                public String describe(double lead) {
                    String first = a.describe(lead);
                    String second = b.describe(lead);
                    return first == null ? second : second == null ? first : first + "; " + second;
                }
            };
        }

        /** Whichever of {@code a} and {@code b} adds more at each lead. */
        static Allowance larger(Allowance a, Allowance b) {
            if (a == NONE) {
                return b;
            }
            if (b == NONE) {
                return a;
            }
            return new Allowance() {
                @Override
                public double at(double lead, double level) {
                    return Math.max(a.at(lead, level), b.at(lead, level));
                }

                @Override
                public String describe(double lead) {
                    return (a.at(lead, 0.95) >= b.at(lead, 0.95) ? a : b).describe(lead);
                }
            };
        }
    }
}
