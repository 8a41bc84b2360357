package dev.precog.analyzer.forecast;

import dev.precog.analyzer.detect.AnalysisContext;
import dev.precog.model.Metric;
import dev.precog.model.Unit;
import java.util.Optional;
import java.util.OptionalDouble;

/** When the process's resident memory reaches the container's memory limit, or the host's memory without one. */
public final class ProcessRssForecaster extends MetricForecaster {

    @Override
    public String metric() {
        return Metric.PROCESS_RSS.key();
    }

    @Override
    public Optional<ForecastTarget> target(AnalysisContext context) {
        OptionalDouble container = context.timeline().latest(Metric.CONTAINER_MEMORY_LIMIT);
        OptionalDouble host = context.timeline().latest(Metric.HOST_MEMORY_TOTAL);
        if (container.isEmpty() && host.isEmpty()) {
            return Optional.empty();
        }
        double limit = container.isPresent() ? container.getAsDouble() : host.getAsDouble();
        String source = container.isPresent() ? "container memory limit" : "host memory";
        return prepared(context.timeline(), Metric.PROCESS_RSS)
                .map(s -> new ForecastTarget(metric(), Unit.BYTES, s, limit, source, true, null, 0, Double.MAX_VALUE,
                        SeriesForecaster.horizon(s)));
    }
}
