package dev.precog.analyzer.forecast;

import dev.precog.analyzer.detect.AnalysisContext;
import dev.precog.model.Metric;
import dev.precog.model.Unit;
import java.util.Optional;

/** When the JVM's live threads reach the thread limit it runs under (known only in the live agent). */
public final class ThreadCountForecaster extends MetricForecaster {

    @Override
    public String metric() {
        return Metric.THREADS_ACTIVE.key();
    }

    @Override
    public Optional<ForecastTarget> target(AnalysisContext context) {
        AnalysisContext.Limit limit = context.threadLimit();
        if (limit == null) {
            return Optional.empty();
        }
        return prepared(context.timeline(), Metric.THREADS_ACTIVE)
                .map(s -> new ForecastTarget(metric(), Unit.COUNT, s, limit.value(), limit.source(), true, null, 0,
                        Double.MAX_VALUE, SeriesForecaster.horizon(s)));
    }
}
