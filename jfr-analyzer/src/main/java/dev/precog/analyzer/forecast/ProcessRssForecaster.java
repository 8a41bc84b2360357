package dev.precog.analyzer.forecast;

import dev.precog.analyzer.detect.AnalysisContext;
import dev.precog.analyzer.detect.TouchedHeap;
import dev.precog.analyzer.timeline.Series;
import dev.precog.model.Metric;
import dev.precog.model.Unit;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * When the process's resident memory reaches the container's memory limit, or the host's memory
 * without one. The first minute of readings is left out, as the native-memory detector leaves it
 * out: a young JVM's resident set climbs in jumps as code is compiled and heap pages are first
 * touched, and a model fitted across them is both off and unsure for minutes after. What the heap
 * may still add later ({@link UntouchedHeap}) widens the 95% band instead.
 */
public final class ProcessRssForecaster extends MetricForecaster {

    /** Readings this long after the first are the young JVM's, not the trend's. */
    static final double SETTLING_SECONDS = 60;

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
        Series all = context.timeline().history(Metric.PROCESS_RSS);
        int settled = 0;
        while (settled < all.size() && all.times()[settled] < all.times()[0] + SETTLING_SECONDS) {
            settled++;
        }
        double touched = TouchedHeap.of(context.timeline().windows());
        Long maxHeap = context.heapMaxBytes();
        // unknown when no heap reading came: then nothing is added rather than the whole heap
        ForecastTarget.Allowance untouched = maxHeap == null || touched <= 0 ? ForecastTarget.Allowance.NONE
                : UntouchedHeap.of(maxHeap - touched);
        return prepared(all.from(settled), Metric.PROCESS_RSS)
                .map(s -> new ForecastTarget(metric(), Unit.BYTES, s, limit, source, true, null, 0, Double.MAX_VALUE,
                        SeriesForecaster.horizon(s)).withAbove(untouched));
    }
}
