package dev.precog.it.overhead;

import java.util.List;
import java.util.function.Predicate;
import java.util.function.ToDoubleFunction;

/** The successful runs of one workload, per variant, and compared between variants round by round. */
final class RunComparison {

    private final List<BenchRun> runs;
    private final long seed;

    RunComparison(List<BenchRun> all, String workload, long seed) {
        this.runs = all.stream().filter(r -> r.workload().equals(workload) && r.ok()).toList();
        this.seed = seed;
    }

    /** The variants with successful runs of this workload, in their order. */
    List<Variant> variants() {
        return Variant.present(runs.stream().map(BenchRun::variant).toList());
    }

    boolean has(Predicate<BenchRun> test) {
        return runs.stream().anyMatch(test);
    }

    SampleStats stats(Variant v, ToDoubleFunction<BenchRun> metric) {
        return SampleStats.of(of(v).stream().map(r -> metric.applyAsDouble(r)).toList());
    }

    /** metric(a) / metric(b), round by round. */
    PairedEstimate ratio(Variant a, Variant b, ToDoubleFunction<BenchRun> metric) {
        return PairedEstimate.compare(of(a), of(b), BenchRun::round, metric, (x, y) -> x / y, seed);
    }

    /** metric(a) - metric(b), round by round. */
    PairedEstimate difference(Variant a, Variant b, ToDoubleFunction<BenchRun> metric) {
        return PairedEstimate.compare(of(a), of(b), BenchRun::round, metric, (x, y) -> x - y, seed);
    }

    /** What a run keeps in memory that can differ between variants: its live heap and everything off the heap. */
    static double keptBytes(BenchRun r) {
        return r.heapAfterGcBytes() + r.rssBytes();
    }

    private List<BenchRun> of(Variant v) {
        return runs.stream().filter(r -> r.variant().equals(v.label)).toList();
    }
}
