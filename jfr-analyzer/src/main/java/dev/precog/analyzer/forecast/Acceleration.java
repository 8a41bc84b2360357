package dev.precog.analyzer.forecast;

import dev.precog.analyzer.report.Format;
import dev.precog.analyzer.stats.LinearSystem;
import dev.precog.analyzer.stats.NormalDistribution;
import dev.precog.model.Unit;
import java.util.function.DoubleUnaryOperator;

/**
 * A history that bends towards its limit faster than a straight line: a backlog in its first
 * minutes looks nearly linear, and a line fitted to it, however honest its bands, misses where it
 * goes. When a quadratic fitted to the history curves upwards more than chance explains (its
 * standard error widened for correlated residuals) and rises over the last three quarters of the
 * history at least (a dip and a recovery is no acceleration), and bends (its largest gap to its chord
 * across the history) by at least one step of a series that moves in whole steps (a count), the upper bands reach as far as
 * the bending curve goes past the model's own path: the exponential growth fitted to the same
 * history, or the quadratic when that declines. Where the exponential is less sure of itself than the model (a
 * rate fitted to a minute of backlog is uncertain, and a rate a little off compounds), the bands
 * widen by the difference. Beyond {@link #CARRIED_SPANS} history spans ahead the curve is not
 * trusted to keep bending and goes on at the slope it had there. Where the raised trend passes the
 * metric's limit, the report says when, not what the curve would add past it: an exponential fitted to a
 * line with one jump in it, carried for minutes, added terabytes to a heap of megabytes in words.
 */
final class Acceleration implements ForecastTarget.Allowance {

    /**
     * One-sided p-value under which a bend is believed: looser than a trend's ({@link SeriesForecaster#SIGNIFICANCE})
     * because the costs differ. A bend believed in error only widens the upper bands of a line that
     * stays straight; one missed leaves a backlog's first minute with bands its growth runs through.
     */
    static final double SIGNIFICANCE = 0.05;
    /** The normal quantile of {@link #SIGNIFICANCE}; the test takes Student's t of it for the residuals' degrees of freedom. */
    static final double Z = NormalDistribution.quantile(1 - SIGNIFICANCE);
    static final int MIN_POINTS = 8;
    /** The quadratic's lowest point may lie at most this share of the history in. */
    static final double RISING_SHARE = 0.25;
    /** How far ahead, in history spans, the curve keeps bending. */
    static final double CARRIED_SPANS = 2;

    private final DoubleUnaryOperator curve;
    /** The curve's own standard error (its rate a little off compounds), 0 for the quadratic. */
    private final DoubleUnaryOperator curveSigma;
    private final double bendsUntil;
    private final ForecastModel.Fit fit;
    private final Unit unit;
    /** The metric's limit above, where the report stops counting what the curve adds. */
    private final double limit;

    private Acceleration(DoubleUnaryOperator curve, DoubleUnaryOperator curveSigma, double bendsUntil, ForecastModel.Fit fit,
            Unit unit, double limit) {
        this.curve = curve;
        this.curveSigma = curveSigma;
        this.bendsUntil = bendsUntil;
        this.fit = fit;
        this.unit = unit;
        this.limit = limit;
    }

    /**
     * What the acceleration of {@code v} over {@code x} (seconds, last point at 0) adds beyond
     * {@code fit}, or {@link ForecastTarget.Allowance#NONE} when the history does not bend upwards
     * significantly; {@code limit} is the metric's limit above, for the words only.
     */
    static ForecastTarget.Allowance of(double[] x, double[] v, ForecastModel.Fit fit, Unit unit, double limit) {
        int n = v.length;
        if (n < MIN_POINTS) {
            return NONE;
        }
        double sum = 0;
        for (double xi : x) {
            sum += xi;
        }
        double centre = sum / n;
        // normal equations of v ~ a + b t + c t^2, t centred
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        double s4 = 0;
        double y0 = 0;
        double y1 = 0;
        double y2 = 0;
        for (int i = 0; i < n; i++) {
            double t = x[i] - centre;
            s1 += t;
            s2 += t * t;
            s3 += t * t * t;
            s4 += t * t * t * t;
            y0 += v[i];
            y1 += t * v[i];
            y2 += t * t * v[i];
        }
        double[][] normal = {{n, s1, s2}, {s1, s2, s3}, {s2, s3, s4}};
        double[] coefficients = LinearSystem.solve(normal, new double[] {y0, y1, y2});
        // the curvature's variance factor: the last diagonal entry of the inverse
        double[] lastColumn = LinearSystem.solve(normal, new double[] {0, 0, 1});
        if (coefficients == null || lastColumn == null) {
            return NONE;
        }
        double a = coefficients[0];
        double b = coefficients[1];
        double c = coefficients[2];
        double[] r = new double[n];
        double sse = 0;
        for (int i = 0; i < n; i++) {
            double t = x[i] - centre;
            r[i] = v[i] - a - b * t - c * t * t;
            sse += r[i] * r[i];
        }
        double rho = LinearTrendModel.autocorrelation(r);
        double se = Math.sqrt(sse / (n - 3) * lastColumn[2] * (1 + rho) / (1 - rho));
        // Student's t: the curvature's scale is itself estimated from a handful of residuals
        if (!(c > ModelSelection.studentT(Z, n - 3) * se)) {
            return NONE;
        }
        // a count's residuals are its rounding, not noise: a bend under one of its steps across the
        // history (the quadratic's largest gap to its chord) can pass the test and is no bend
        double span = x[n - 1] - x[0];
        if (c * span * span / 4 < ModelSelection.floor(v)) {
            return NONE;
        }
        // a dip and a recovery curves upwards too, but bottoms out inside the history: the curve
        // must rise over the last three quarters of it at least
        double vertex = centre - b / (2 * c);
        if (vertex > x[0] + RISING_SHARE * (x[n - 1] - x[0])) {
            return NONE;
        }
        double bendsUntil = CARRIED_SPANS * span;
        ForecastModel.Fit exponential = new ExponentialTrendModel().fit(x, v);
        if (exponential != null) {
            return new Acceleration(exponential::valueAt, exponential::sigmaAt, bendsUntil, fit, unit, limit);
        }
        DoubleUnaryOperator quadratic = lead -> {
            double t = lead - centre;
            return b * t + c * t * t;
        };
        return new Acceleration(quadratic, lead -> 0, bendsUntil, fit, unit, limit);
    }

    @Override
    public double at(double lead, double level) {
        double l = Math.max(0, lead);
        // the model's band moved onto the curve, and wider where the curve is the less sure: an
        // early backlog's rate is itself uncertain, and a rate a little off compounds
        double z = NormalDistribution.quantile(0.5 + level / 2);
        double wider = Math.max(0, carriedSigma(l) - fit.sigmaAt(l));
        return Math.max(0, carried(l) - carried(0) - (fit.valueAt(l) - fit.valueAt(0)) + z * wider);
    }

    /** The curve's standard error, growing in proportion to the lead past {@link #bendsUntil}. */
    private double carriedSigma(double lead) {
        return lead <= bendsUntil ? curveSigma.applyAsDouble(lead) : curveSigma.applyAsDouble(bendsUntil) * lead / bendsUntil;
    }

    /** The curve at {@code lead}, carried on at its slope past {@link #bendsUntil}. */
    private double carried(double lead) {
        if (lead <= bendsUntil) {
            return curve.applyAsDouble(lead);
        }
        double step = 1e-3 * bendsUntil;
        double end = curve.applyAsDouble(bendsUntil);
        double slope = (end - curve.applyAsDouble(bendsUntil - step)) / step;
        return end + slope * (lead - bendsUntil);
    }

    @Override
    public String describe(double lead) {
        double reached = reachesLimit(lead);
        if (Double.isNaN(reached)) {
            String amount = ForecastTarget.Allowance.amount(at(lead, 0.95), unit);
            return "upper bands raised by the history's acceleration: " + amount + " above the trend by the last point";
        }
        return "upper bands raised by the history's acceleration, to the limit (" + ForecastTarget.Allowance.amount(limit, unit)
                + ") " + Format.duration(reached) + " ahead: " + ForecastTarget.Allowance.amount(at(reached, 0.95), unit)
                + " above the trend by then";
    }

    /**
     * The first lead up to {@code lead} at which the trend raised by the 95% allowance reaches the limit, NaN when
     * it does not (or the trend is past it already).
     */
    private double reachesLimit(double lead) {
        if (!(lead > 0) || Double.isInfinite(limit) || fit.valueAt(0) >= limit) {
            return Double.NaN;
        }
        Double reached = SeriesForecaster.firstCrossing(l -> fit.valueAt(l) + at(l, 0.95) - limit, lead);
        return reached == null ? Double.NaN : reached;
    }
}
