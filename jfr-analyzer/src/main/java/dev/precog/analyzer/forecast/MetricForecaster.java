package dev.precog.analyzer.forecast;

import dev.precog.analyzer.detect.AnalysisContext;
import dev.precog.analyzer.timeline.Series;
import dev.precog.analyzer.timeline.Timeline;
import dev.precog.model.Forecast;
import dev.precog.model.Metric;
import java.util.List;
import java.util.Optional;

/**
 * A forecaster of one metric: it knows the metric's history and limit, the shared
 * {@link SeriesForecaster} does the rest. The backtest's model choice is kept for a minute of
 * history, so the costly part runs rarely while the fit follows every window.
 */
public abstract class MetricForecaster implements Forecaster {

    /** Histories are reduced to this many points (a Theil–Sen fit is quadratic in them). */
    static final int MAX_POINTS = 120;
    /** Fewer points than this give no forecast. */
    static final int MIN_POINTS = 8;
    /** Share of the history treated as warm-up (class loading, heap sizing) and ignored. */
    static final double WARMUP_FRACTION = 0.1;
    /** The model is chosen again after this much more history. */
    static final double RESELECT_SECONDS = 60;

    private ModelSelection selection;
    private double selectedAt;
    private int selectedSize;
    private double selectedFirst;
    private List<ForecastModel> selectedAmong;
    private final BandCalibration calibration = new BandCalibration();

    /**
     * Fresh forecasters of every metric Precog forecasts, each choosing its models from nothing;
     * both CPU forecasts read the heap's forecaster for the GC's growth.
     */
    public static List<MetricForecaster> standard() {
        return standard(new ThreadCountForecaster());
    }

    /** As {@link #standard()}, with {@code threads} forecasting the thread count (the backtest's works without a limit). */
    static List<MetricForecaster> standard(ThreadCountForecaster threads) {
        HeapLiveSetForecaster heap = new HeapLiveSetForecaster();
        return List.of(heap, new MetaspaceForecaster(), new ProcessRssForecaster(), new MemoryAvailableForecaster(),
                threads, CpuForecaster.process(heap), CpuForecaster.host(heap));
    }

    /** What to forecast at this evaluation; empty when the limit is unknown or the history too short. */
    public abstract Optional<ForecastTarget> target(AnalysisContext context);

    /**
     * What a backtest scores this metric's forecasts against: the target over the whole series as it was observed,
     * prepared as the forecasts' histories are but with nothing taken out that the metric itself holds.
     */
    public Optional<ForecastTarget> truth(AnalysisContext context) {
        return target(context).map(t -> t.withHistory(observed(context, t)));
    }

    @Override
    public final Optional<Forecast> forecast(AnalysisContext context) {
        return target(context).map(t -> SeriesForecaster.forecast(calibrated(t, observed(context, t))));
    }

    /** Forecasts {@code target}, choosing the model again when the last choice is stale. */
    public Forecast forecast(ForecastTarget target) {
        return SeriesForecaster.forecast(calibrated(target, target.history()));
    }

    /**
     * The model fitted to {@code target} with its bands scaled by how this forecaster's earlier forecasts fared
     * against {@code observed}, the metric as it was up to now ({@link BandCalibration}); this forecast is remembered
     * to be scored in turn.
     */
    SeriesForecaster.Fitted calibrated(ForecastTarget target, Series observed) {
        SeriesForecaster.Fitted raw = fitted(target);
        calibration.observe(observed);
        BandCalibration.Factors factors = calibration.factors(raw.selection().model().name());
        calibration.remember(raw);
        return raw.withFactors(factors);
    }

    /**
     * The metric as it was observed up to now, which earlier forecasts are scored against: {@code target}'s history,
     * unless the forecaster took something out of it that the metric itself holds.
     */
    Series observed(AnalysisContext context, ForecastTarget target) {
        return target.history();
    }

    /** The model fitted to {@code target}, chosen again when the last choice is stale. */
    synchronized SeriesForecaster.Fitted fitted(ForecastTarget target) {
        Series h = target.history();
        // a history rebuilt at a coarser resolution (the roll-up) has far fewer points
        boolean rebuilt = h.size() < selectedSize / 2;
        // a choice made from too short a history to backtest is a guess: cheap to make again, and not to be
        // kept for a minute once the history can test the models (a short recording would never leave it)
        boolean untested = selectedSize < ModelSelection.MIN_BACKTEST_POINTS;
        // a history ending before the one the choice was made on is an earlier view, not more of the same:
        // a choice made on its future must not be kept for it
        boolean earlier = h.lastTime() < selectedAt;
        // a history that now starts where a warm-up ramp ended (WarmUpRamp), or no longer does, is not the one the
        // choice was made on
        boolean trimmed = Math.abs(h.times()[0] - selectedFirst) > h.spanSeconds() / 3;
        List<ForecastModel> candidates = candidates();
        if (selection == null || rebuilt || untested || earlier || trimmed || candidates != selectedAmong
                || h.lastTime() - selectedAt >= RESELECT_SECONDS) {
            selection = ModelSelection.select(SeriesForecaster.relativeTimes(h), h.values(), candidates);
            selectedAt = h.lastTime();
            selectedSize = h.size();
            selectedFirst = h.times()[0];
            selectedAmong = candidates;
        }
        ModelSelection bands = eightyFromBacktest() ? selection.ownEighty() : selection;
        return SeriesForecaster.fit(target, levelSwingsStayBounded() ? bands.boundedSwing() : bands,
                ModelSelection.fallback(candidates));
    }

    /**
     * Whether this metric's 80% band takes the backtest's own multiplier whatever the errors' tail
     * ({@link ModelSelection#ownEighty}); by default it goes under the textbook one only where
     * {@link ModelSelection#k80For} allows.
     */
    boolean eightyFromBacktest() {
        return false;
    }

    /**
     * Whether a history that swings within a band about a level is taken to go on swinging within it
     * ({@link ModelSelection#boundedSwing}); true unless a metric's future is known to leave such a band
     * without its history showing why.
     */
    boolean levelSwingsStayBounded() {
        return true;
    }

    /** The models tried for this metric, simplest first. */
    List<ForecastModel> candidates() {
        return ModelSelection.CANDIDATES;
    }

    /**
     * The metric's history, warm-up dropped, folded by the metric's own aggregation into at most
     * {@link #MAX_POINTS}; empty with fewer than {@link #MIN_POINTS}.
     */
    static Optional<Series> prepared(Timeline timeline, Metric metric) {
        return prepared(timeline.history(metric), metric);
    }

    static Optional<Series> prepared(Series all, Metric metric) {
        if (all.size() < MIN_POINTS + 1) {
            return Optional.empty();
        }
        int warmup = Math.max(1, (int) Math.ceil(all.size() * WARMUP_FRACTION));
        Series s = all.from(warmup).downsample(MAX_POINTS, metric.aggregation());
        return s.size() < MIN_POINTS || s.spanSeconds() <= 0 ? Optional.empty() : Optional.of(s);
    }
}
