package dev.precog.analyzer.detect;

import dev.precog.analyzer.window.WaitHistograms;
import dev.precog.model.WaitSite;
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
import java.util.function.Predicate;
import org.HdrHistogram.Histogram;

/**
 * One wait site's waits (a lock, an endpoint, a file) merged over a span of windows: the cost,
 * how many threads, how steadily, the exact wait percentiles and the costliest waiter stacks.
 */
final class WaitSummary {

    private final String kind;
    private final String resource;
    private final String ownerType;
    private final Histogram waits = WaitHistograms.empty();
    private final Set<String> threads = new LinkedHashSet<>();
    private final Map<List<String>, double[]> stacks = new HashMap<>();
    private final Map<String, Integer> previousOwners = new LinkedHashMap<>();
    private double blockedMillis;
    private long events;
    private long bytes;
    private int windowsWithWaits;
    private double secondsWithWaits;
    private Window lastWindow;

    private WaitSummary(WaitSite first) {
        this.kind = first.kind();
        this.resource = first.resource();
        this.ownerType = first.ownerType();
    }

    /** Each site of {@code windows} that {@code which} accepts, merged, costliest first. */
    static List<WaitSummary> over(List<Window> windows, Predicate<WaitSite> which) {
        Map<String, WaitSummary> byKey = new LinkedHashMap<>();
        for (Window w : windows) {
            for (WaitSite site : w.waits()) {
                if (which.test(site)) {
                    byKey.computeIfAbsent(site.key(), k -> new WaitSummary(site)).add(site, w);
                }
            }
        }
        List<WaitSummary> out = new ArrayList<>(byKey.values());
        out.sort(Comparator.comparingDouble(WaitSummary::blockedMillis).reversed());
        return out;
    }

    private void add(WaitSite site, Window window) {
        WaitHistograms.add(waits, site.waitHistogram());
        threads.addAll(site.threads());
        for (WaitSite.WaiterStack s : site.stacks()) {
            double[] cost = stacks.computeIfAbsent(s.frames(), f -> new double[2]);
            cost[0] += s.events();
            cost[1] += s.blockedMillis();
        }
        site.previousOwners().forEach(o -> previousOwners.merge(o, 1, Integer::sum));
        blockedMillis += site.blockedMillis();
        events += site.events();
        bytes += site.bytes();
        if (window != lastWindow) {
            lastWindow = window;
            windowsWithWaits++;
            secondsWithWaits += RecentActivity.seconds(window);
        }
    }

    /** See {@link WaitSite#kind()}. */
    String kind() {
        return kind;
    }

    /** The lock's class, the endpoint or the path. */
    String resource() {
        return resource;
    }

    /** The application class whose code blocks here; null when only JDK frames were seen. */
    String ownerType() {
        return ownerType;
    }

    boolean monitor() {
        return WaitSite.MONITOR.equals(kind);
    }

    /** What names this site in a finding's id: stable while the same code blocks at the same place. */
    String key() {
        return kind + " " + resource + " in " + ownerType;
    }

    double blockedMillis() {
        return blockedMillis;
    }

    long events() {
        return events;
    }

    long bytes() {
        return bytes;
    }

    int windowsWithWaits() {
        return windowsWithWaits;
    }

    /**
     * The share of {@code seconds} (the span's) spent in windows with waits here, each window counting for as
     * long as it lasted: a recording's last window, cut short where it stops, weighs as little as it lasted.
     */
    double shareOfTimeWithWaits(double seconds) {
        return seconds > 0 ? Math.min(1, secondsWithWaits / seconds) : 0;
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
    List<WaitSite.WaiterStack> topStacks(int limit) {
        return stacks.entrySet().stream()
                .sorted(Comparator.comparingDouble((Map.Entry<List<String>, double[]> e) -> e.getValue()[1]).reversed())
                .limit(limit)
                .map(e -> new WaitSite.WaiterStack(e.getKey(), (long) e.getValue()[0], e.getValue()[1]))
                .toList();
    }

    /** Threads JFR saw holding the monitor just before a waiter got it, most often first. */
    List<String> previousOwners(int limit) {
        return previousOwners.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                .limit(limit).map(Map.Entry::getKey).toList();
    }
}
