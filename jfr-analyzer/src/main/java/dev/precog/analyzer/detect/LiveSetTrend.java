package dev.precog.analyzer.detect;

import dev.precog.analyzer.stats.MannKendall;
import dev.precog.analyzer.stats.TheilSen;
import dev.precog.analyzer.timeline.Series;
import dev.precog.analyzer.timeline.Timeline;
import dev.precog.model.Metric;
import java.util.Optional;

/**
 * The trend of the heap's live set: the floor of heap-after-GC per window, warm-up dropped,
 * judged by {@link SeriesTrend}. Shared by the leak detector and the heap forecaster so both
 * read the same numbers.
 *
 * <p>The whole history is tried first; when it shows no growth, the most recent half is tried
 * too, so a leak that started late is not drowned by hours of stable history. A recent span
 * only counts when the live set has climbed above every value seen before it: refilling to a
 * level the heap has been at before is a sawtooth, not a leak.
 *
 * @param trend the statistics of the analysed span
 * @param oldCollections old, mixed or full collections during the analysed span that kept a material share
 *     of its growth
 * @param maxHeap the maximum heap, null when unknown
 * @param growing whether the live set really grows, see {@link #isGrowing()}
 * @param pattern the shape of the growth when it is real (classified once, for the leak detector
 *     and the heap forecaster alike), null otherwise
 */
public record LiveSetTrend(SeriesTrend trend, long oldCollections, Long maxHeap, boolean growing, LeakPattern pattern) {

    static final double MIN_GROWTH_BYTES = 2.0 * 1024 * 1024;
    static final double MIN_GROWTH_OF_MAX_HEAP = 0.02;
    static final double MIN_GROWTH_OF_LEVEL = 0.10;
    /**
     * Share of the span's growth an old collection must have kept to confirm it. A G1 mixed phase
     * leaves up to 5% of the heap as garbage (G1HeapWastePercent), more than a young leak's growth:
     * after Precog's histogram had shrunk a healthy cache's heap, 7 of the 22 MB its promoted
     * garbage added were still there after the next mixed collections (2026-12-07).
     */
    static final double CONFIRMING_SHARE = 0.5;
    /** Re-exported for tests and callers that speak of the leak test's significance. */
    static final double SIGNIFICANCE = SeriesTrend.SIGNIFICANCE;
    /**
     * Before any old collection, growth may be promoted garbage that the next concurrent cycle
     * frees; it only counts when it would fill the heap within this many seconds.
     */
    static final double UNCONFIRMED_MAX_SECONDS_LEFT = 3600;
    /** Growth too small relative to the heap still matters when it fills the heap within this time. */
    static final double MATTERS_WITHIN_SECONDS = 3 * 3600;

    /** Longer histories are reduced to this many points by their floor. */
    static final int MAX_POINTS = 240;
    /** Share of the history treated as warm-up and ignored. */
    static final double WARMUP_FRACTION = 0.1;

    /** The trend over {@code timeline} for a heap of {@code maxHeap}; empty with too few after-GC points. */
    public static Optional<LiveSetTrend> of(Timeline timeline, Long maxHeap) {
        Series all = timeline.series(Metric.HEAP_USED_AFTER_GC);
        if (all.size() < SeriesTrend.MIN_POINTS + 1) {
            return Optional.empty();
        }
        int warmup = Math.max(1, (int) Math.ceil(all.size() * WARMUP_FRACTION));
        Series s = all.from(warmup).downsampleByMin(MAX_POINTS);
        if (s.size() < SeriesTrend.MIN_POINTS || s.spanSeconds() <= 0) {
            return Optional.empty();
        }
        LiveSetTrend whole = over(s, timeline, maxHeap, Double.NEGATIVE_INFINITY);
        if (whole.growing() || s.size() < 2 * SeriesTrend.MIN_POINTS) {
            return Optional.of(whole);
        }
        int half = s.size() / 2;
        double earlierPeak = max(s.values(), half);
        LiveSetTrend recent = over(s.from(half), timeline, maxHeap, earlierPeak);
        return Optional.of(recent.growing() ? recent : whole);
    }

    private static LiveSetTrend over(Series s, Timeline timeline, Long maxHeap, double earlierPeak) {
        SeriesTrend trend = SeriesTrend.of(s);
        long oldCollections = keepingGrowth(
                trend, timeline.series(Metric.OLD_GC_COUNT), timeline.series(Metric.FULL_GC_COUNT));
        LiveSetTrend t = new LiveSetTrend(trend, oldCollections, maxHeap, false, null);
        boolean growing = t.passesTests() && trend.currentLevel() > earlierPeak + MIN_GROWTH_BYTES;
        return new LiveSetTrend(trend, oldCollections, maxHeap, growing, growing ? trend.pattern() : null);
    }

    /**
     * Old collections that had growth to reclaim and kept it: the live set's floor from each one on
     * stood above the span's floor by a material share of the growth. One at the span's start, or
     * one the growth mostly came after (a G1 cycle marks only what was dead when it began), saw
     * little of it: what came after may be promoted garbage no old collection has looked at yet.
     * A full collection leaves only live objects, so it confirms the growth it saw when it kept half
     * of that, however much came after it: a leak's later growth does not undo its verdict.
     */
    private static long keepingGrowth(SeriesTrend trend, Series oldCollections, Series fullCollections) {
        double[] times = trend.series().times();
        double[] values = trend.series().values();
        double[] kept = trend.lowerEnvelope();
        double required = Math.max(MIN_GROWTH_BYTES, CONFIRMING_SHARE * trend.growth());
        long count = 0;
        for (int i = 0; i < oldCollections.size(); i++) {
            int next = firstAtOrAfter(times, oldCollections.times()[i]);
            if (next > 0 && next < times.length && kept[next] - kept[0] >= required) {
                count += Math.round(oldCollections.values()[i]);
            }
        }
        // full collections are old ones too: those the test above passed over are judged by what they saw
        for (int i = 0; i < fullCollections.size(); i++) {
            int next = firstAtOrAfter(times, fullCollections.times()[i]);
            if (next > 0 && next < times.length) {
                double keptGrowth = kept[next] - kept[0];
                double seen = values[next - 1] - kept[0];
                if (keptGrowth < required && keptGrowth >= Math.max(MIN_GROWTH_BYTES, CONFIRMING_SHARE * seen)) {
                    count += Math.round(fullCollections.values()[i]);
                }
            }
        }
        return count;
    }

    /** The index of the first of {@code times} at or after {@code at}; their length when none is. */
    private static int firstAtOrAfter(double[] times, double at) {
        int i = 0;
        while (i < times.length && times[i] < at) {
            i++;
        }
        return i;
    }

    /**
     * Whether the live set really grows: {@link SeriesTrend#isRising()}, by an amount that
     * matters for this heap (or fills it within three hours), and either confirmed by old
     * collections that did not reclaim it or fast enough to fill the heap within the hour.
     */
    public boolean isGrowing() {
        return growing;
    }

    private boolean passesTests() {
        double growth = trend.growth();
        Double left = secondsToFill();
        boolean matters = growth >= MIN_GROWTH_BYTES
                && ((maxHeap != null && growth >= MIN_GROWTH_OF_MAX_HEAP * maxHeap)
                        || growth >= MIN_GROWTH_OF_LEVEL * Math.max(trend.fit().valueAt(0), 1)
                        || (left != null && left < MATTERS_WITHIN_SECONDS));
        if (!matters || !trend.isRising()) {
            return false;
        }
        return isConfirmed() || (left != null && left < UNCONFIRMED_MAX_SECONDS_LEFT);
    }

    /** True when old collections ran during the analysed span and kept the growth they saw. */
    public boolean isConfirmed() {
        return oldCollections > 0;
    }

    /** Seconds until the fitted live set reaches the max heap; null when unknown or not rising. */
    public Double secondsToFill() {
        return maxHeap == null ? null : trend.secondsTo(maxHeap);
    }

    public Series series() {
        return trend.series();
    }

    public TheilSen fit() {
        return trend.fit();
    }

    /** Mann–Kendall over the analysed span. */
    public MannKendall mannKendall() {
        return trend.trend();
    }

    /** The fitted live set at the last analysed point. */
    public double currentLevel() {
        return trend.currentLevel();
    }

    private static double max(double[] values, int count) {
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < count; i++) {
            max = Math.max(max, values[i]);
        }
        return max;
    }
}
