package dev.precog.analyzer.forecast;

import dev.precog.model.Unit;
import java.util.Arrays;
import java.util.List;
import java.util.function.DoubleUnaryOperator;

/**
 * A history whose latest points have left it: when each of the last {@link #POINTS} points lies above
 * the 95% band the chosen model drew from the points before them (fitted and calibrated on those
 * alone, as the forecast made just before them was), the level may have moved
 * (promoted garbage starting to pile up, another load arriving), and a model fitted to the whole
 * history, robust to outliers as it must be, still forecasts the old level. The upper bands then
 * reach as far as the last point is above the model's path, and further at the rate the departure
 * rose, for as long as the history is long. One point above the band is noise; the point forecast
 * and the lower bands stay the model's.
 */
final class Departure implements ForecastTarget.Allowance {

    /** The latest points that must all be above the earlier history's band. */
    static final int POINTS = 2;
    /** Points the earlier history must keep for its own fit. */
    static final int MIN_BEFORE = 8;

    private final double offset;
    private final double rate;
    private final double carriedFor;
    private final Unit unit;

    private Departure(double offset, double rate, double carriedFor, Unit unit) {
        this.offset = offset;
        this.rate = rate;
        this.carriedFor = carriedFor;
        this.unit = unit;
    }

    /**
     * What the departure of the last points of {@code v} over {@code x} (seconds, last point at 0)
     * adds above {@code fit}, the model of {@code selection} fitted to all of them, or
     * {@link ForecastTarget.Allowance#NONE} when some of them stayed inside the band.
     */
    static ForecastTarget.Allowance of(double[] x, double[] v, ModelSelection selection, ForecastModel.Fit fit, Unit unit) {
        int n = v.length;
        int last = n - 1 - POINTS;
        if (last + 1 < MIN_BEFORE) {
            return NONE;
        }
        double[] before = new double[last + 1];
        for (int i = 0; i <= last; i++) {
            before[i] = x[i] - x[last];
        }
        double[] earlierValues = Arrays.copyOf(v, last + 1);
        ForecastModel.Fit earlier = selection.model().fit(before, earlierValues);
        // a band is never under the normal multiple of the model's own sigma: when the points are
        // inside that, the backtest that calibrates the real one need not run
        if (earlier == null || !allAbove(x, v, last, lead -> ModelSelection.Z95 * earlier.sigmaAt(lead), earlier)) {
            return NONE;
        }
        // the band as it was drawn before these points: their own errors would widen it
        ModelSelection drawn = ModelSelection.select(before, earlierValues, List.of(selection.model()));
        if (!allAbove(x, v, last, lead -> drawn.k95() * drawn.sigma(earlier, lead), earlier)) {
            return NONE;
        }
        double offset = Math.max(0, v[n - 1] - fit.valueAt(0));
        double rate = Math.max(0, (v[n - 1] - v[last]) / (x[n - 1] - x[last]) - fit.slope());
        return new Departure(offset, rate, x[n - 1] - x[0], unit);
    }

    /** Whether every point after {@code last} is above {@code fit}'s path by more than {@code half} at its lead. */
    private static boolean allAbove(double[] x, double[] v, int last, DoubleUnaryOperator half, ForecastModel.Fit fit) {
        for (int j = last + 1; j < v.length; j++) {
            double lead = x[j] - x[last];
            if (v[j] <= fit.valueAt(lead) + half.applyAsDouble(lead)) {
                return false;
            }
        }
        return true;
    }

    /** The same for the 80% and the 95% bands: where the level went is not a matter of the band's width. */
    @Override
    public double at(double lead, double level) {
        return offset + rate * Math.min(Math.max(0, lead), carriedFor);
    }

    @Override
    public String describe(double lead) {
        String amount = ForecastTarget.Allowance.amount(at(lead, 0.95), unit);
        return "upper bands raised because the last " + POINTS + " points left the history's 95% band: " + amount
                + " above the trend by the last point";
    }
}
