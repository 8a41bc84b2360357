package dev.precog.analyzer.forecast;

/**
 * A way to extrapolate a series. Times are seconds relative to the last point of the fitted
 * history (so history is at x &lt;= 0 and the future at x &gt; 0).
 */
interface ForecastModel {

    /** The name reported as the forecast's {@code model}. */
    String name();

    /** Fewer points than this cannot be fitted. */
    int minPoints();

    /**
     * Whether the change the model expects over a lag is the same wherever the lag starts (a level,
     * a line, a damped trend near its end), so the history's own changes can measure its drift.
     */
    default boolean steadyIncrements() {
        return false;
    }

    /** Fits {@code v} against {@code x}, or null when this history does not suit the model. */
    Fit fit(double[] x, double[] v);

    /** A fitted model. */
    interface Fit {

        /** The point forecast {@code lead} seconds after the last fitted point (0 is the fitted current level). */
        double valueAt(double lead);

        /**
         * The model's own standard deviation of the error {@code lead} seconds ahead; the
         * backtest rescales it so the intervals cover what they claim on this series.
         */
        double sigmaAt(double lead);

        /** The trend's rate now, per second: what the series adds per second, noise and cycles aside. */
        double slope();

        /**
         * What this fit's errors scale with {@code lead} seconds ahead: 1 when they add to the series
         * whatever its level; for a growth that compounds, the forecast's own size, so errors the
         * backtest saw while the series was small widen the bands as it grows.
         */
        default double magnitudeAt(double lead) {
            return 1;
        }
    }

    /** Mean spacing of {@code x}, at least a millisecond. */
    static double meanStep(double[] x) {
        return Math.max(1e-3, (x[x.length - 1] - x[0]) / Math.max(1, x.length - 1));
    }
}
