package dev.precog.analyzer.forecast;

import dev.precog.analyzer.detect.AnalysisContext;
import dev.precog.model.Metric;
import dev.precog.model.Unit;
import java.util.Optional;

/** When metaspace in use reaches -XX:MaxMetaspaceSize; nothing without that flag (metaspace then has no limit of its own). */
public final class MetaspaceForecaster extends MetricForecaster {

    @Override
    public String metric() {
        return Metric.METASPACE_USED.key();
    }

    @Override
    public Optional<ForecastTarget> target(AnalysisContext context) {
        Long max = context.metaspaceMaxBytes();
        if (max == null) {
            return Optional.empty();
        }
        return prepared(context.timeline(), Metric.METASPACE_USED)
                .map(s -> new ForecastTarget(metric(), Unit.BYTES, s, max, "-XX:MaxMetaspaceSize", true, null, 0,
                        Double.MAX_VALUE, SeriesForecaster.horizon(s)));
    }
}
