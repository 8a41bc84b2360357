package dev.precog.analyzer.forecast;

import dev.precog.analyzer.detect.AnalysisContext;
import dev.precog.model.Metric;
import dev.precog.model.Unit;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * When the memory this JVM lives in runs out: the container's memory in use against its limit
 * when it has one, else the host's available memory against a floor of 5% of the host's memory,
 * below which the kernel reclaims hard and the OOM killer looms.
 */
public final class MemoryAvailableForecaster extends MetricForecaster {

    /** Share of the host's memory counted as exhausted. */
    static final double HOST_FLOOR = 0.05;

    @Override
    public String metric() {
        return "memory.available";
    }

    @Override
    public Optional<ForecastTarget> target(AnalysisContext context) {
        OptionalDouble limit = context.timeline().latest(Metric.CONTAINER_MEMORY_LIMIT);
        if (limit.isPresent()) {
            return prepared(context.timeline(), Metric.CONTAINER_MEMORY_USED)
                    .map(s -> new ForecastTarget(Metric.CONTAINER_MEMORY_USED.key(), Unit.BYTES, s, limit.getAsDouble(),
                            "container memory limit", true, null, 0, Double.MAX_VALUE, SeriesForecaster.horizon(s)));
        }
        OptionalDouble total = context.timeline().latest(Metric.HOST_MEMORY_TOTAL);
        if (total.isEmpty()) {
            return Optional.empty();
        }
        double floor = HOST_FLOOR * total.getAsDouble();
        return prepared(context.timeline(), Metric.HOST_MEMORY_AVAILABLE)
                .map(s -> new ForecastTarget(Metric.HOST_MEMORY_AVAILABLE.key(), Unit.BYTES, s, floor, "5% of host memory",
                        false, null, 0, total.getAsDouble(), SeriesForecaster.horizon(s)));
    }
}
