package dev.precog.analyzer.detect;

import dev.precog.analyzer.timeline.Timeline;
import dev.precog.model.Distribution;
import dev.precog.model.DistributionKind;
import dev.precog.model.Metric;
import dev.precog.model.Window;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.function.ToDoubleFunction;

/**
 * The most recent stretch of the timeline that rate-based detectors (GC and allocation
 * pressure, CPU saturation, host memory) judge: at least a number of windows and a number of seconds, so one busy window
 * is never a verdict.
 */
final class RecentActivity {

    private final List<Window> windows;
    private final double seconds;

    private RecentActivity(List<Window> windows) {
        this.windows = windows;
        this.seconds = windows.stream().mapToDouble(RecentActivity::seconds).sum();
    }

    /** The last windows covering at least {@code minWindows} and {@code minSeconds}; empty when the timeline is shorter. */
    static Optional<RecentActivity> of(Timeline timeline, int minWindows, double minSeconds) {
        List<Window> all = timeline.windows();
        List<Window> recent = new ArrayList<>();
        double covered = 0;
        for (int i = all.size() - 1; i >= 0 && (recent.size() < minWindows || covered < minSeconds); i--) {
            recent.add(all.get(i));
            covered += seconds(all.get(i));
        }
        if (recent.size() < minWindows || covered < minSeconds) {
            return Optional.empty();
        }
        Collections.reverse(recent);
        return Optional.of(new RecentActivity(List.copyOf(recent)));
    }

    List<Window> windows() {
        return windows;
    }

    double seconds() {
        return seconds;
    }

    double sum(Metric metric) {
        return windows.stream().mapToDouble(w -> w.value(metric).orElse(0)).sum();
    }

    /** {@code metric} per second over the stretch. */
    double rate(Metric metric) {
        return sum(metric) / seconds;
    }

    /**
     * The mean of {@code perWindow} (a share or a rate) over the stretch's time: each window counts for the
     * time it spans, so a last window cut short where a recording stops weighs as little as it lasted.
     */
    double mean(ToDoubleFunction<Window> perWindow) {
        double weighted = 0;
        for (Window w : windows) {
            weighted += perWindow.applyAsDouble(w) * seconds(w);
        }
        return seconds > 0 ? weighted / seconds : 0;
    }

    /** The mean of {@code metric} over the time of the windows that have it, each for as long as it lasted; empty when none has. */
    OptionalDouble mean(Metric metric) {
        double weighted = 0;
        double covered = 0;
        for (Window w : windows) {
            OptionalDouble v = w.value(metric);
            if (v.isPresent()) {
                double length = seconds(w);
                weighted += v.getAsDouble() * length;
                covered += length;
            }
        }
        return covered > 0 ? OptionalDouble.of(weighted / covered) : OptionalDouble.empty();
    }

    /** Share of the stretch's time in windows for which {@code perWindow} is at least {@code threshold}. */
    double shareOfTimeAtLeast(ToDoubleFunction<Window> perWindow, double threshold) {
        return mean(w -> perWindow.applyAsDouble(w) >= threshold ? 1 : 0);
    }

    /** Share of the stretch's time in windows for which {@code perWindow} is at most {@code threshold}. */
    double shareOfTimeAtMost(ToDoubleFunction<Window> perWindow, double threshold) {
        return mean(w -> perWindow.applyAsDouble(w) <= threshold ? 1 : 0);
    }

    /**
     * Share of the windows, each counted once however long, for which {@code perWindow} is at least
     * {@code threshold}: what the evidence field {@code windowsOverThreshold} has always reported.
     */
    double shareOfWindowsAtLeast(ToDoubleFunction<Window> perWindow, double threshold) {
        long hits = windows.stream().filter(w -> perWindow.applyAsDouble(w) >= threshold).count();
        return (double) hits / windows.size();
    }

    /** The largest value of a distribution's statistic over the stretch, 0 when none was recorded. */
    double maxOf(DistributionKind kind, ToDoubleFunction<Distribution> statistic) {
        return windows.stream().map(w -> w.distributions().get(kind)).filter(d -> d != null && !d.isEmpty())
                .mapToDouble(statistic).max().orElse(0);
    }

    /** The lowest value of {@code metric} among the windows that have it. */
    Optional<Double> min(Metric metric) {
        return windows.stream().map(w -> w.value(metric)).filter(OptionalDouble::isPresent)
                .map(OptionalDouble::getAsDouble).min(Double::compare);
    }

    double firstEpochSeconds() {
        return windows.get(0).start().toEpochMilli() / 1000.0;
    }

    /** How long {@code w} lasted, in seconds: a recording's last window may be cut short. */
    static double seconds(Window w) {
        return w.length().toMillis() / 1000.0;
    }

    /** Share of a window's wall time spent in GC pauses. */
    static double gcShare(Window w) {
        return w.value(Metric.GC_PAUSE_TOTAL).orElse(0) / Math.max(1, w.length().toMillis());
    }
}
