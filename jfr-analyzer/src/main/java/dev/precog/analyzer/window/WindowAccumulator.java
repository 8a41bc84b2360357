package dev.precog.analyzer.window;

import dev.precog.model.ClassWeight;
import dev.precog.model.Distribution;
import dev.precog.model.DistributionKind;
import dev.precog.model.HostSample;
import dev.precog.model.Metric;
import dev.precog.model.PoolActivity;
import dev.precog.model.Window;
import java.time.Instant;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * Collects what happens during the current window, from any thread, and turns it into an
 * immutable {@link Window} on {@link #close}. Durations go to HdrHistogram recorders, so
 * writers never block on the reader; scalar values and allocation weights take a short lock.
 * Memory is fixed whatever the event rate.
 */
public final class WindowAccumulator {

    /** Durations up to an hour keep two significant digits; longer ones are clamped. */
    private static final long HIGHEST_MICROS = TimeUnit.HOURS.toMicros(1);

    private static final int CLASS_TABLE_CAPACITY = 512;
    private static final int TOP_CLASSES = 10;
    private static final int CPU_TABLE_CAPACITY = 256;
    /** Pools kept per window; the application's busiest pools come first in any sane service. */
    private static final int POOL_CAPACITY = 64;

    private final EnumMap<DistributionKind, Recorder> recorders = new EnumMap<>(DistributionKind.class);
    private final EnumMap<DistributionKind, Histogram> recycled = new EnumMap<>(DistributionKind.class);
    private MetricAccumulator metrics = new MetricAccumulator();
    private ClassWeightTable allocations = new ClassWeightTable(CLASS_TABLE_CAPACITY);
    private WaitTable waits = new WaitTable();
    private ClassWeightTable hotMethods = new ClassWeightTable(CPU_TABLE_CAPACITY);
    private ClassWeightTable hotThreads = new ClassWeightTable(CPU_TABLE_CAPACITY);
    private Map<Long, PoolActivity> pools = new LinkedHashMap<>();
    private long droppedPools;
    private long events;
    private long totalEvents;
    private long totalDropped;
    private Instant start;

    public WindowAccumulator(Instant start) {
        this.start = start;
        for (DistributionKind kind : DistributionKind.values()) {
            recorders.put(kind, new Recorder(HIGHEST_MICROS, 2));
        }
    }

    /** Folds one value of {@code metric} into the current window. */
    public synchronized void record(Metric metric, double value) {
        metrics.record(metric, value);
        events++;
    }

    /** Folds every reading of a host sample into the current window. */
    public synchronized void record(HostSample sample) {
        sample.values().forEach(metrics::record);
        events++;
    }

    /** Adds one allocation sample's weight to {@code className}. */
    public void recordAllocation(String className, long bytes) {
        recordAllocation(className, bytes, null);
    }

    /** Adds one allocation sample's weight to {@code className}, allocated at {@code site} (may be null). */
    public synchronized void recordAllocation(String className, long bytes, String site) {
        metrics.record(Metric.ALLOCATION_SAMPLED, bytes);
        allocations.add(className, bytes, site);
        events++;
    }

    /**
     * Records one wait of {@code millis} by {@code thread} of {@code kind} (see {@link dev.precog.model.WaitSite})
     * at {@code resource}, in {@code ownerType}'s code, moving {@code bytes}, with the waiter's top
     * frames and (monitors) the previous owner.
     */
    public synchronized void recordWait(String kind, String resource, String ownerType, double millis, long bytes,
            String thread, List<String> stack, String previousOwner) {
        waits.add(kind, resource, ownerType, millis, millis, bytes, thread, stack, previousOwner);
    }

    /**
     * As {@link #recordWait(String, String, String, double, long, String, List, String)} for a wait that
     * began at {@code startedAt}: only the part inside the current window counts as blocked time here,
     * so one wait of five minutes does not read as ten threads blocked for half a minute. The wait's
     * full length still goes to the distribution.
     */
    public synchronized void recordWait(String kind, String resource, String ownerType, Instant startedAt, double millis,
            long bytes, String thread, List<String> stack, String previousOwner) {
        double inWindow = millis;
        if (startedAt != null && startedAt.isBefore(start)) {
            double ended = startedAt.toEpochMilli() + millis;
            // a wait that ended before this window began arrived late: it counts whole, where it lands
            inWindow = ended > start.toEpochMilli() ? ended - start.toEpochMilli() : millis;
        }
        waits.add(kind, resource, ownerType, millis, inWindow, bytes, thread, stack, previousOwner);
    }

    /** Records one execution sample of {@code thread} running {@code method} (first application frame, may be null). */
    public synchronized void recordCpuSample(String method, String thread) {
        metrics.record(Metric.CPU_SAMPLES, 1);
        if (method != null) {
            hotMethods.add(method, 1, thread);
        }
        if (thread != null) {
            hotThreads.add(thread, 1, method);
        }
        events++;
    }

    /** Records one sample of a thread pool; samples of the same pool in one window are folded together. */
    public synchronized void recordPool(PoolActivity sample) {
        PoolActivity earlier = pools.get(sample.poolId());
        if (earlier != null) {
            pools.put(sample.poolId(), earlier.plus(sample));
        } else if (pools.size() < POOL_CAPACITY) {
            pools.put(sample.poolId(), sample);
        } else {
            droppedPools++;
        }
        events++;
    }

    /** Records one duration; lock-free for the writer. */
    public void recordDuration(DistributionKind kind, long nanos) {
        long micros = Math.min(HIGHEST_MICROS, Math.max(0, nanos / 1000));
        recorders.get(kind).recordValue(micros);
    }

    /** Counts an event that was seen but contributed no value (still part of the volume). */
    public synchronized void countEvent() {
        events++;
    }

    /** Events folded since this accumulator was created. */
    public synchronized long totalEvents() {
        return totalEvents + events;
    }

    /** Samples dropped to keep the allocation tables bounded, since creation. */
    public synchronized long totalDropped() {
        return totalDropped + allocations.dropped() + waits.dropped() + hotMethods.dropped() + hotThreads.dropped()
                + droppedPools;
    }

    /** Start of the window currently being collected. */
    public synchronized Instant currentStart() {
        return start;
    }

    /** Ends the current window at {@code end}, returns it, and starts the next one there. */
    public Window close(Instant end) {
        Map<DistributionKind, Distribution> distributions = new EnumMap<>(DistributionKind.class);
        for (DistributionKind kind : DistributionKind.values()) {
            Histogram h = recorders.get(kind).getIntervalHistogram(recycled.get(kind));
            recycled.put(kind, h);
            if (h.getTotalCount() > 0) {
                distributions.put(kind, toDistribution(h));
            }
        }
        MetricAccumulator closedMetrics;
        ClassWeightTable closedAllocations;
        WaitTable closedWaits;
        ClassWeightTable closedMethods;
        ClassWeightTable closedThreads;
        List<PoolActivity> closedPools;
        Instant closedStart;
        long closedEvents;
        synchronized (this) {
            closedMetrics = metrics;
            closedAllocations = allocations;
            closedWaits = waits;
            closedMethods = hotMethods;
            closedThreads = hotThreads;
            closedPools = List.copyOf(pools.values());
            closedStart = start;
            closedEvents = events;
            metrics = new MetricAccumulator();
            allocations = new ClassWeightTable(CLASS_TABLE_CAPACITY);
            waits = new WaitTable();
            hotMethods = new ClassWeightTable(CPU_TABLE_CAPACITY);
            hotThreads = new ClassWeightTable(CPU_TABLE_CAPACITY);
            pools = new LinkedHashMap<>();
            totalEvents += events;
            totalDropped += closedAllocations.dropped() + closedWaits.dropped() + closedMethods.dropped() + closedThreads.dropped();
            events = 0;
            start = end;
        }
        List<ClassWeight> top = closedAllocations.top(TOP_CLASSES);
        return new Window(closedStart, end, closedMetrics.snapshot(), distributions, top, closedEvents, closedWaits.snapshot(),
                closedMethods.top(TOP_CLASSES), closedThreads.top(TOP_CLASSES), closedPools);
    }

    private static Distribution toDistribution(Histogram h) {
        double total = h.getMean() * h.getTotalCount() / 1000.0;
        return new Distribution(
                h.getTotalCount(),
                total,
                h.getValueAtPercentile(50) / 1000.0,
                h.getValueAtPercentile(99) / 1000.0,
                h.getMaxValue() / 1000.0);
    }
}
