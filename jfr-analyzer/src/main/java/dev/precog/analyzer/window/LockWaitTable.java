package dev.precog.analyzer.window;

import dev.precog.model.LockWaits;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.HdrHistogram.Histogram;

/**
 * One window's lock waits, per lock: bounded in locks, threads, stacks and previous owners, so a
 * storm of contention costs the same memory as a little. Not thread-safe: the accumulator locks.
 */
final class LockWaitTable {

    /** Waits are recorded in milliseconds up to an hour, two significant digits. */
    static final long HIGHEST_MILLIS = 3_600_000L;
    private static final int MAX_LOCKS = 32;
    private static final int MAX_THREADS = 32;
    private static final int MAX_STACKS = 16;
    private static final int MAX_OWNERS = 8;
    private static final int STACKS_KEPT = 3;
    private static final int OWNERS_KEPT = 3;

    private final Map<String, Entry> locks = new LinkedHashMap<>();
    private long dropped;

    /** Adds one wait of {@code millis} by {@code thread} on {@code lockClass} taken by {@code ownerType}'s code. */
    void add(String lockClass, String ownerType, boolean monitor, double millis, String thread, List<String> stack,
            String previousOwner) {
        String key = lockClass + "\u0000" + ownerType;
        Entry e = locks.get(key);
        if (e == null) {
            if (locks.size() >= MAX_LOCKS) {
                dropped++;
                return;
            }
            e = new Entry(lockClass, ownerType, monitor);
            locks.put(key, e);
        }
        e.add(millis, thread, stack, previousOwner);
    }

    /** Waits not recorded because the table was full. */
    long dropped() {
        return dropped;
    }

    boolean isEmpty() {
        return locks.isEmpty();
    }

    /** The locks, most blocked time first. */
    List<LockWaits> snapshot() {
        return locks.values().stream().sorted(Comparator.comparingDouble((Entry e) -> e.blockedMillis).reversed())
                .map(Entry::toLockWaits).toList();
    }

    private static final class Entry {
        final String lockClass;
        final String ownerType;
        final boolean monitor;
        final Histogram waits = new Histogram(1, HIGHEST_MILLIS, 2);
        final Set<String> threads = new LinkedHashSet<>();
        final Map<List<String>, double[]> stacks = new HashMap<>();
        final Map<String, Long> owners = new HashMap<>();
        double blockedMillis;
        long events;

        Entry(String lockClass, String ownerType, boolean monitor) {
            this.lockClass = lockClass;
            this.ownerType = ownerType;
            this.monitor = monitor;
        }

        void add(double millis, String thread, List<String> stack, String previousOwner) {
            waits.recordValue(Math.max(1, Math.min(HIGHEST_MILLIS, Math.round(millis))));
            blockedMillis += millis;
            events++;
            if (thread != null && threads.size() < MAX_THREADS) {
                threads.add(thread);
            }
            if (stack != null && !stack.isEmpty()) {
                double[] cost = stacks.get(stack);
                if (cost == null && stacks.size() < MAX_STACKS) {
                    cost = new double[2];
                    stacks.put(List.copyOf(stack), cost);
                }
                if (cost != null) {
                    cost[0]++;
                    cost[1] += millis;
                }
            }
            if (previousOwner != null && (owners.containsKey(previousOwner) || owners.size() < MAX_OWNERS)) {
                owners.merge(previousOwner, 1L, Long::sum);
            }
        }

        LockWaits toLockWaits() {
            List<LockWaits.WaiterStack> top = stacks.entrySet().stream()
                    .sorted(Comparator.comparingDouble((Map.Entry<List<String>, double[]> s) -> s.getValue()[1]).reversed())
                    .limit(STACKS_KEPT)
                    .map(s -> new LockWaits.WaiterStack(s.getKey(), (long) s.getValue()[0], s.getValue()[1]))
                    .toList();
            List<String> previous = owners.entrySet().stream()
                    .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                    .limit(OWNERS_KEPT).map(Map.Entry::getKey).toList();
            return new LockWaits(lockClass, ownerType, monitor, blockedMillis, events, new ArrayList<>(threads), top,
                    previous, WaitHistograms.encode(waits));
        }
    }
}
