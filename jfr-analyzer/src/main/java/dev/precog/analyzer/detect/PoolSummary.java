package dev.precog.analyzer.detect;

import dev.precog.model.PoolActivity;
import dev.precog.model.Window;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One thread pool over a stretch of windows: its activity folded together, and in how many of
 * those windows, and for how much of the time its samples cover, it was starved (every worker busy
 * while tasks waited).
 *
 * @param starvedSeconds the time the samples of the starved windows cover
 */
record PoolSummary(PoolActivity total, PoolActivity last, int windows, int starvedWindows, double starvedSeconds,
        double firstQueue) {

    /** A queue this large counts as unbounded: the pool then never grows past its core size. */
    static final int UNBOUNDED = 1 << 30;
    /** Workers busy, as a share of those the pool can have, for the pool to count as saturated. */
    static final double SATURATED = 0.9;
    /** A task waiting this long for a worker is latency a caller notices. */
    static final double NOTICEABLE_WAIT_SECONDS = 0.1;

    /** Every pool seen in {@code windows}, in order of first appearance. */
    static List<PoolSummary> over(List<Window> windows) {
        Map<Long, List<PoolActivity>> byPool = new LinkedHashMap<>();
        for (Window w : windows) {
            for (PoolActivity p : w.pools()) {
                byPool.computeIfAbsent(p.poolId(), id -> new ArrayList<>()).add(p);
            }
        }
        List<PoolSummary> out = new ArrayList<>();
        for (List<PoolActivity> seen : byPool.values()) {
            PoolActivity total = null;
            int starved = 0;
            double starvedSeconds = 0;
            for (PoolActivity p : seen) {
                total = total == null ? p : total.plus(p);
                if (isStarved(p)) {
                    starved++;
                    starvedSeconds += p.sampledSeconds();
                }
            }
            out.add(new PoolSummary(total, seen.get(seen.size() - 1), seen.size(), starved, starvedSeconds,
                    seen.get(0).queueAverage()));
        }
        return out;
    }

    /** The most workers the pool will run: with an unbounded queue it never grows past its core size. */
    static int workerLimit(PoolActivity p) {
        int limit = unbounded(p) ? p.corePoolSize() : p.maximumPoolSize();
        return Math.max(1, limit);
    }

    static boolean unbounded(PoolActivity p) {
        return p.queueRemainingCapacity() >= UNBOUNDED;
    }

    /** Every worker busy, and tasks waited noticeably for one or were turned away. */
    static boolean isStarved(PoolActivity p) {
        boolean saturated = p.activeAverage() >= SATURATED * workerLimit(p);
        boolean waiting = p.queueAverage() >= 1 && p.meanWaitSeconds() >= NOTICEABLE_WAIT_SECONDS;
        return saturated && (waiting || p.rejected() > 0);
    }

    /** The queue ended the stretch clearly longer than it began it: arrivals outpace the workers. */
    boolean queueGrowing() {
        double lastQueue = last.queueAverage();
        return lastQueue >= 1.25 * firstQueue && lastQueue - firstQueue >= 10;
    }

    /**
     * The share of the time the samples cover that the pool was starved: a window counts for as long as its
     * samples lasted, so a recording's last window, cut short where it stops, weighs little (the share of
     * windows when the samples say nothing of time).
     */
    double starvedShare() {
        return total.sampledSeconds() > 0 ? Math.min(1, starvedSeconds / total.sampledSeconds())
                : (double) starvedWindows / windows;
    }

    /** Tasks submitted per second over the stretch. */
    double arrivalRate() {
        return total.sampledSeconds() > 0 ? total.submitted() / total.sampledSeconds() : 0;
    }

    /** Tasks that got a worker per second over the stretch. */
    double startRate() {
        return total.sampledSeconds() > 0 ? total.started() / total.sampledSeconds() : 0;
    }

    /** Seconds a worker spends on one task (busy workers over tasks started per second); 0 when unknown. */
    double serviceSeconds() {
        double rate = startRate();
        return rate > 0 ? total.activeAverage() / rate : 0;
    }

    /** Workers that would keep up with the arrivals at 80% utilisation (Little's law); 0 when unknown. */
    int workersNeeded() {
        double busy = arrivalRate() * serviceSeconds();
        return busy <= 0 ? 0 : (int) Math.ceil(busy / 0.8);
    }
}
