package dev.precog.analyzer.window;

import dev.precog.model.WaitSite;
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
 * One window's waits, per wait site (a lock or an I/O endpoint): bounded in sites, threads, stacks
 * and previous owners, so a storm of contention costs the same memory as a little. Locks and I/O
 * have a bound each, so a service touching many files or peers cannot crowd out a contended lock.
 * Not thread-safe: the accumulator locks.
 */
final class WaitTable {

    /** Waits are recorded in milliseconds up to an hour, two significant digits. */
    static final long HIGHEST_MILLIS = 3_600_000L;
    /** Per kind of site: locks, and I/O endpoints or files. */
    private static final int MAX_SITES = 32;
    private static final int MAX_THREADS = 32;
    private static final int MAX_STACKS = 16;
    private static final int MAX_OWNERS = 8;
    private static final int STACKS_KEPT = 3;
    private static final int OWNERS_KEPT = 3;

    private final Map<String, Entry> lockSites = new LinkedHashMap<>();
    private final Map<String, Entry> ioSites = new LinkedHashMap<>();
    private long dropped;

    /**
     * Adds one wait of {@code millis} (moving {@code bytes}) by {@code thread} at {@code resource}, in
     * {@code ownerType}'s code, of which {@code blockedHere} fell in this window.
     */
    void add(String kind, String resource, String ownerType, double millis, double blockedHere, long bytes, String thread,
            List<String> stack, String previousOwner) {
        String key = kind + "\u0000" + resource + "\u0000" + ownerType;
        Map<String, Entry> sites = WaitSite.isLockKind(kind) ? lockSites : ioSites;
        Entry e = sites.get(key);
        if (e == null) {
            if (sites.size() >= MAX_SITES) {
                dropped++;
                return;
            }
            e = new Entry(kind, resource, ownerType);
            sites.put(key, e);
        }
        e.add(millis, blockedHere, bytes, thread, stack, previousOwner);
    }

    /** Waits not recorded because the table was full. */
    long dropped() {
        return dropped;
    }

    /** The wait sites, most blocked time first. */
    List<WaitSite> snapshot() {
        return java.util.stream.Stream.concat(lockSites.values().stream(), ioSites.values().stream()).sorted(Comparator.comparingDouble((Entry e) -> e.blockedMillis).reversed())
                .map(Entry::toWaitSite).toList();
    }

    private static final class Entry {
        final String kind;
        final String resource;
        final String ownerType;
        final Histogram waits = new Histogram(1, HIGHEST_MILLIS, 2);
        final Set<String> threads = new LinkedHashSet<>();
        final Map<List<String>, double[]> stacks = new HashMap<>();
        final Map<String, Long> owners = new HashMap<>();
        double blockedMillis;
        long events;
        long bytes;

        Entry(String kind, String resource, String ownerType) {
            this.kind = kind;
            this.resource = resource;
            this.ownerType = ownerType;
        }

        void add(double millis, double blockedHere, long moved, String thread, List<String> stack, String previousOwner) {
            waits.recordValue(Math.max(1, Math.min(HIGHEST_MILLIS, Math.round(millis))));
            blockedMillis += blockedHere;
            events++;
            bytes += moved;
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
                    cost[1] += blockedHere;
                }
            }
            if (previousOwner != null && (owners.containsKey(previousOwner) || owners.size() < MAX_OWNERS)) {
                owners.merge(previousOwner, 1L, Long::sum);
            }
        }

        WaitSite toWaitSite() {
            List<WaitSite.WaiterStack> top = stacks.entrySet().stream()
                    .sorted(Comparator.comparingDouble((Map.Entry<List<String>, double[]> s) -> s.getValue()[1]).reversed())
                    .limit(STACKS_KEPT)
                    .map(s -> new WaitSite.WaiterStack(s.getKey(), (long) s.getValue()[0], s.getValue()[1]))
                    .toList();
            List<String> previous = owners.entrySet().stream()
                    .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                    .limit(OWNERS_KEPT).map(Map.Entry::getKey).toList();
            return new WaitSite(kind, resource, ownerType, blockedMillis, events, bytes, new ArrayList<>(threads), top,
                    previous, WaitHistograms.encode(waits));
        }
    }
}
