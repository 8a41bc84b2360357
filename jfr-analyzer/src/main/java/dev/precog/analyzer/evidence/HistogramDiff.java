package dev.precog.analyzer.evidence;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * What grew between two class histograms of the live heap: the evidence that names a leak's
 * classes. Both histograms count live objects only (each is taken after a full collection).
 */
public record HistogramDiff(ClassHistogram first, ClassHistogram second, List<ClassGrowth> growth) {

    /** One class that grew between the two histograms. */
    public record ClassGrowth(String className, long instancesAdded, long bytesAdded, long instancesNow, long bytesNow) {}

    public static HistogramDiff between(ClassHistogram first, ClassHistogram second) {
        List<ClassGrowth> growth = new ArrayList<>();
        for (Map.Entry<String, ClassHistogram.Entry> e : second.classes().entrySet()) {
            ClassHistogram.Entry before = first.classes().get(e.getKey());
            if (before == null && first.isTruncated()) {
                continue; // it may have been just below the first histogram's cut-off: growth unknown
            }
            if (before == null) {
                before = new ClassHistogram.Entry(0, 0);
            }
            long instances = e.getValue().instances() - before.instances();
            long bytes = e.getValue().bytes() - before.bytes();
            if (instances > 0 && bytes > 0) {
                growth.add(new ClassGrowth(e.getKey(), instances, bytes, e.getValue().instances(), e.getValue().bytes()));
            }
        }
        growth.sort(Comparator.comparingLong(ClassGrowth::bytesAdded).reversed());
        return new HistogramDiff(first, second, List.copyOf(growth));
    }

    public Duration span() {
        return Duration.between(first.at(), second.at());
    }

    /** Bytes added over all growing classes. */
    public long totalBytesAdded() {
        return growth.stream().mapToLong(ClassGrowth::bytesAdded).sum();
    }
}
