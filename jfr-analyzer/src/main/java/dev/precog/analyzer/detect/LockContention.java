package dev.precog.analyzer.detect;

import dev.precog.analyzer.window.WaitHistograms;
import dev.precog.model.LockWaits;
import dev.precog.model.Window;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.HdrHistogram.Histogram;

/**
 * One lock's waits merged over a span of windows: the cost (threads blocked on average), how
 * many threads, how steadily, the exact wait percentiles and the costliest waiter stacks.
 */
final class LockContention {

    private final String lockClass;
    private final String ownerType;
    private final boolean monitor;
    private final Histogram waits = WaitHistograms.empty();
    private final Set<String> threads = new LinkedHashSet<>();
    private final Map<List<String>, double[]> stacks = new HashMap<>();
    private final Map<String, Integer> previousOwners = new LinkedHashMap<>();
    private double blockedMillis;
    private long events;
    private int windowsWithWaits;

    private LockContention(LockWaits first) {
        this.lockClass = first.lockClass();
        this.ownerType = first.ownerType();
        this.monitor = first.monitor();
    }

    /** Each lock seen in {@code windows}, merged, costliest first. */
    static List<LockContention> over(List<Window> windows) {
        Map<String, LockContention> byKey = new LinkedHashMap<>();
        for (Window w : windows) {
            for (LockWaits l : w.locks()) {
                byKey.computeIfAbsent(l.key(), k -> new LockContention(l)).add(l);
            }
        }
        List<LockContention> out = new ArrayList<>(byKey.values());
        out.sort(Comparator.comparingDouble(LockContention::blockedMillis).reversed());
        return out;
    }

    private void add(LockWaits l) {
        WaitHistograms.add(waits, l.waitHistogram());
        threads.addAll(l.threads());
        for (LockWaits.WaiterStack s : l.stacks()) {
            double[] cost = stacks.computeIfAbsent(s.frames(), f -> new double[2]);
            cost[0] += s.events();
            cost[1] += s.blockedMillis();
        }
        l.previousOwners().forEach(o -> previousOwners.merge(o, 1, Integer::sum));
        blockedMillis += l.blockedMillis();
        events += l.events();
        windowsWithWaits++;
    }

    String lockClass() {
        return lockClass;
    }

    /** The application class whose code takes the lock; null when only JDK frames were seen. */
    String ownerType() {
        return ownerType;
    }

    boolean monitor() {
        return monitor;
    }

    /** What names this lock in a finding's id: stable while the same code contends on the same lock type. */
    String key() {
        return lockClass + " in " + ownerType;
    }

    double blockedMillis() {
        return blockedMillis;
    }

    long events() {
        return events;
    }

    int windowsWithWaits() {
        return windowsWithWaits;
    }

    Collection<String> threads() {
        return threads;
    }

    double percentileMillis(double percentile) {
        return waits.getValueAtPercentile(percentile);
    }

    double maxMillis() {
        return waits.getMaxValue();
    }

    /** The waiter stacks that blocked longest, longest first. */
    List<LockWaits.WaiterStack> topStacks(int limit) {
        return stacks.entrySet().stream()
                .sorted(Comparator.comparingDouble((Map.Entry<List<String>, double[]> e) -> e.getValue()[1]).reversed())
                .limit(limit)
                .map(e -> new LockWaits.WaiterStack(e.getKey(), (long) e.getValue()[0], e.getValue()[1]))
                .toList();
    }

    /** Threads JFR saw holding the monitor just before a waiter got it, most often first. */
    List<String> previousOwners(int limit) {
        return previousOwners.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                .limit(limit).map(Map.Entry::getKey).toList();
    }
}
