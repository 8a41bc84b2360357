package dev.precog.model;

import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * What happened during one fixed stretch of time: one value per metric seen, duration
 * distributions, the top allocating classes, the locks and I/O threads blocked on, where the
 * CPU went (execution samples per application method and per thread), and the thread pools'
 * queues. Immutable.
 */
public record Window(
        Instant start,
        Instant end,
        Map<Metric, Double> values,
        Map<DistributionKind, Distribution> distributions,
        List<ClassWeight> topAllocations,
        long events,
        List<WaitSite> waits,
        List<ClassWeight> hotMethods,
        List<ClassWeight> hotThreads,
        List<PoolActivity> pools) {

    public Window {
        waits = List.copyOf(waits);
        pools = List.copyOf(pools);
        hotMethods = List.copyOf(hotMethods);
        hotThreads = List.copyOf(hotThreads);
        values = values.isEmpty() ? Map.of() : Collections.unmodifiableMap(new EnumMap<>(values));
        distributions = distributions.isEmpty()
                ? Map.of()
                : Collections.unmodifiableMap(new EnumMap<>(distributions));
        topAllocations = List.copyOf(topAllocations);
    }

    /** A window without lock or I/O waits and without CPU samples. */
    public Window(Instant start, Instant end, Map<Metric, Double> values, Map<DistributionKind, Distribution> distributions,
            List<ClassWeight> topAllocations, long events) {
        this(start, end, values, distributions, topAllocations, events, List.of(), List.of(), List.of(), List.of());
    }

    /** This window without its wait sites, hot methods and threads, and pools: what an old window keeps. */
    public Window withoutDetail() {
        return new Window(start, end, values, distributions, topAllocations, events);
    }

    /** The value of {@code metric} in this window, empty when it was not observed. */
    public OptionalDouble value(Metric metric) {
        Double v = values.get(metric);
        return v == null ? OptionalDouble.empty() : OptionalDouble.of(v);
    }

    public Duration length() {
        return Duration.between(start, end);
    }
}
