package dev.precog.analyzer.forecast;

import dev.precog.analyzer.detect.AnalysisContext;
import dev.precog.model.Metric;
import dev.precog.model.Unit;
import java.util.Optional;

/** When the JVM's live threads reach the thread limit it runs under (known only in the live agent). */
public final class ThreadCountForecaster extends MetricForecaster {

    /** What a forecast made without a known limit says it is timed against: nothing. */
    private static final String NO_LIMIT = "no limit known offline";

    private final boolean withoutKnownLimit;

    public ThreadCountForecaster() {
        this(false);
    }

    private ThreadCountForecaster(boolean withoutKnownLimit) {
        this.withoutKnownLimit = withoutKnownLimit;
    }

    /**
     * For the backtest: forecasts the thread count offline too, where the limit is unknown, so its
     * points and bands can be scored (a limit changes neither; it only times a crossing, which
     * the backtest times against a level the series reached).
     */
    static ThreadCountForecaster withoutKnownLimit() {
        return new ThreadCountForecaster(true);
    }

    @Override
    public String metric() {
        return Metric.THREADS_ACTIVE.key();
    }

    @Override
    public Optional<ForecastTarget> target(AnalysisContext context) {
        AnalysisContext.Limit limit = context.threadLimit();
        if (limit == null && !withoutKnownLimit) {
            return Optional.empty();
        }
        double threshold = limit == null ? Double.POSITIVE_INFINITY : limit.value();
        String source = limit == null ? NO_LIMIT : limit.source();
        return prepared(context.timeline(), Metric.THREADS_ACTIVE)
                .map(s -> new ForecastTarget(metric(), Unit.COUNT, s, threshold, source, true, null, 0,
                        Double.MAX_VALUE, SeriesForecaster.horizon(s)));
    }
}
