package dev.precog.analyzer.forecast;

import dev.precog.analyzer.detect.AnalysisContext;
import dev.precog.analyzer.detect.LiveSetTrend;
import dev.precog.analyzer.timeline.Series;
import dev.precog.model.Finding;
import dev.precog.model.FindingKind;
import dev.precog.model.Metric;
import dev.precog.model.Severity;
import dev.precog.model.Unit;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
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
 * growth. Where Precog's own stream runs in the JVM, the 95% band allows for the step its next
 * chunk rotation may add ({@link ChunkRotationStep}). Under G1, until a leak is confirmed, it also
 * reaches as far as the old generation may fill with promoted garbage before the collector starts
 * marking ({@link #promotedGarbage}). Where full collections have taken garbage out of it, the
 * 95% band reaches as far below, and where two of them show how fast garbage is promoted the trend
 * is the live set's, with that garbage added above as it builds ({@link FullCollectionDrop}).
 */
public final class HeapLiveSetForecaster extends MetricForecaster {

    /**
     * The least error scale of the heap after GC, as a share of its level. Heap used after a young
     * collection includes the survivor spaces, whose occupancy steps when young objects outlive a
     * collection: in two runs of the step workload the heap, flat to a tenth of a percent for minutes,
     * rose by 0.6% in one collection as survivors went from 0.87 to 1.3 MB, while the live set after
     * full collections fell. (That step turned out to be Precog's own chunk rotation, now allowed for
     * by {@link ChunkRotationStep}; the floor stays for the application's own.) A steady history
     * cannot show such a step, so its bands are kept at least this wide (0.3% as a standard
     * deviation: about ±0.6% at 95%); wider histories are untouched.
     */
    static final double SURVIVOR_SHARE = 0.003;

    static final String PROMOTED_GARBAGE = "the garbage G1 may promote before it next marks the old generation";

    /**
     * The candidates while G1 has not collected the old generation in the windows held: every young
     * collection may promote, nothing takes what it promoted out again, so the heap after
     * collections creeps up or stays. A level (the median of the recent quarter, with the spread
     * about it) stays behind such a creep, and so does the damped trend, whose creep fades into one:
     * with the damped trend the long healthy cache's heap, flat for ten minutes and then creeping
     * faster, was 55-79% inside its 80% band on six sets (69% on average; 62-69% on three with the
     * level too), with the line and the seasonal line alone 79-99% (88%). A history too short to
     * backtest then gets the line, trend or not.
     */
    static final List<ForecastModel> STILL_PROMOTING = ModelSelection.CANDIDATES.stream()
            .filter(m -> !(m instanceof LevelModel) && !(m instanceof DampedTrendModel)).toList();

    /**
     * The candidates while the leak detector confirms a growth that is no plateau: a level or a damped
     * trend, which claim no crossing, would contradict it. Chosen by the backtest anyway, the damped trend
     * took the slow leak's claim out of the report for twelve evaluations (two minutes) on set 28 while the
     * finding stood as a WARNING throughout.
     */
    static final List<ForecastModel> CONFIRMED_GROWING = STILL_PROMOTING;
    /** A confirmed growth the detector calls EXPONENTIAL may be fitted as one too. */
    static final List<ForecastModel> WITH_EXPONENTIAL = Stream.concat(CONFIRMED_GROWING.stream(),
            Stream.of(new ExponentialTrendModel())).toList();

    /** Set by {@link #target} for the {@link #fitted} that follows it; one field, so a reader never sees half of a choice. */
    private volatile List<ForecastModel> candidates = ModelSelection.CANDIDATES;

    @Override
    List<ForecastModel> candidates() {
        return candidates;
    }

    @Override
    public String metric() {
        return Metric.HEAP_USED_AFTER_GC.key();
    }

    @Override
    public Optional<ForecastTarget> target(AnalysisContext context) {
        return target(context, FullCollectionDrop.in(context.timeline()));
    }

    /**
     * The heap's target as the collector works in it, for the GC's CPU growth: its trend and bands with the garbage
     * promoted beside the live set as it builds, not the step Precog's parser may add to the 95% band.
     */
    Optional<ForecastTarget> collectorPath(AnalysisContext context) {
        FullCollectionDrop fulls = FullCollectionDrop.in(context.timeline());
        return target(context, fulls).map(t -> t.withAbove(fulls.accrual()));
    }

    private Optional<ForecastTarget> target(AnalysisContext context, FullCollectionDrop fulls) {
        Long max = context.heapMaxBytes();
        if (max == null) {
            return Optional.empty();
        }
        Optional<LiveSetTrend> detected = context.liveSetTrend().filter(t -> t.isGrowing() && t.isConfirmed());
        Optional<Finding> held = detected.isPresent() ? Optional.empty() : heldLeak(context);
        boolean confirmedGrowth = detected.isPresent() || held.isPresent();
        String pattern = detected.map(t -> t.pattern().name()).orElseGet(() -> held.map(Finding::pattern).orElse(null));
        boolean exponential = confirmedGrowth && "EXPONENTIAL".equals(pattern);
        // present only under G1, which reports its marking threshold at each young collection
        OptionalDouble headroom = context.timeline().latest(Metric.GC_MARKING_HEADROOM);
        boolean onlyPromoted = headroom.isPresent() && context.timeline().sumSince(Metric.OLD_GC_COUNT, 0) == 0;
        candidates = exponential ? WITH_EXPONENTIAL
                : confirmedGrowth ? CONFIRMED_GROWING
                : onlyPromoted ? STILL_PROMOTING : ModelSelection.CANDIDATES;
        return prepared(context.timeline(), Metric.HEAP_USED_AFTER_GC).map(fulls::live).map(WarmUpRamp::settled)
                .map(s -> new ForecastTarget(metric(), Unit.BYTES, s.history(), max, "max heap (-Xmx)", true, confirmedGrowth, 0,
                        max,
                        // a growth the leak detector confirmed is followed as far as a week
                        confirmedGrowth ? SeriesForecaster.MAX_HORIZON_SECONDS : SeriesForecaster.horizon(s.history()))
                        .withHistoryNote(joined(fulls.note(), s.note()))
                        .withLevelShare(SURVIVOR_SHARE)
                        .withAbove(ForecastTarget.Allowance.larger(ForecastTarget.Allowance.larger(
                                context.precogInJvm() ? ChunkRotationStep.ALLOWANCE : ForecastTarget.Allowance.NONE,
                                confirmedGrowth ? ForecastTarget.Allowance.NONE : promotedGarbage(headroom)), fulls.accrual()))
                        .withBelow(fulls.below(s.history())));
    }

    /**
     * The heap after GC as it was, not with the garbage {@link FullCollectionDrop#live} took out: a forecast of the heap
     * is judged by the heap that came.
     */
    @Override
    Series observed(AnalysisContext context, ForecastTarget target) {
        return prepared(context.timeline(), Metric.HEAP_USED_AFTER_GC).map(o -> o.last(target.history().size()))
                .orElse(target.history());
    }

    private static String joined(String first, String second) {
        return first == null ? second : second == null ? first : first + "; " + second;
    }

    /**
     * A confirmed leak's finding (WARNING or above) that the detector missed in this evaluation but that is
     * still reported, held through a short absence: it still vouches for the growth, so the claimed crossing
     * does not drop out and back with it (a young leak's test tipped by one full collection took the claim
     * with it for up to 10 evaluations in replays of sets 26 to 28 with 2-second windows).
     */
    private static Optional<Finding> heldLeak(AnalysisContext context) {
        return context.findings().stream()
                .filter(f -> f.kind() == FindingKind.MEMORY_LEAK && f.severity() != Severity.INFO)
                .findFirst();
    }

    /**
     * The heap after a young collection counts the garbage it promoted, and G1 clears the old
     * generation's only once its occupancy reaches the initiating threshold: a healthy heap flat for
     * minutes may then climb to it and fall back, over and over (the flat cache's climbed from 23 to
     * 73 MB every half minute once its entries aged into the old generation, and a long healthy
     * cache's rose 5 MB after twelve flat minutes). When that starts no history shows, so the 95%
     * band reaches the latest {@code headroom} below the threshold (none under other collectors);
     * the 80% band keeps to the history. A confirmed leak's own growth takes the old generation past
     * the threshold anyway.
     */
    static ForecastTarget.Allowance promotedGarbage(OptionalDouble headroom) {
        return headroom.isEmpty() ? ForecastTarget.Allowance.NONE
                : new UntimedStep(headroom.getAsDouble(), PROMOTED_GARBAGE, "at most");
    }
}
