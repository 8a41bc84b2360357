package dev.precog.analyzer.forecast;

import dev.precog.analyzer.detect.AnalysisContext;
import dev.precog.analyzer.detect.LiveSetTrend;
import dev.precog.model.Metric;
import dev.precog.model.Unit;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * When the heap's live set (the floor of heap used after GC) reaches the maximum heap. A crossing
 * is claimed only when the leak detector's own test says the live set really grows
 * ({@link LiveSetTrend#isGrowing()}) and an old collection has run without reclaiming it
 * ({@link LiveSetTrend#isConfirmed()}): before the first one, heap after a young collection
 * includes promoted garbage, and a healthy service's old generation fills towards the collector's
 * own trigger at a steady rate (the detector says so in an INFO finding, not in a deadline). When the
 * detector names the growth EXPONENTIAL (a backlog that feeds on itself), the exponential model
 * is tried as well; elsewhere its steep fits would mistake a batch cycle or a step for runaway
 * growth.
 */
public final class HeapLiveSetForecaster extends MetricForecaster {

    static final List<ForecastModel> WITH_EXPONENTIAL = Stream.concat(ModelSelection.CANDIDATES.stream(),
            Stream.of(new ExponentialTrendModel())).toList();

    private volatile boolean exponential;

    @Override
    List<ForecastModel> candidates() {
        return exponential ? WITH_EXPONENTIAL : ModelSelection.CANDIDATES;
    }

    @Override
    public String metric() {
        return Metric.HEAP_USED_AFTER_GC.key();
    }

    @Override
    public Optional<ForecastTarget> target(AnalysisContext context) {
        Long max = context.heapMaxBytes();
        if (max == null) {
            return Optional.empty();
        }
        boolean confirmedGrowth = context.liveSetTrend().map(t -> t.isGrowing() && t.isConfirmed()).orElse(false);
        exponential = confirmedGrowth && "EXPONENTIAL".equals(context.liveSetTrend().get().pattern().name());
        return prepared(context.timeline(), Metric.HEAP_USED_AFTER_GC)
                .map(s -> new ForecastTarget(metric(), Unit.BYTES, s, max, "max heap (-Xmx)", true, confirmedGrowth, 0, max,
                        // a growth the leak detector confirmed is followed as far as a week
                        confirmedGrowth ? SeriesForecaster.MAX_HORIZON_SECONDS : SeriesForecaster.horizon(s)));
    }
}
