package dev.precog.analyzer.forecast;

import dev.precog.analyzer.stats.Median;
import dev.precog.analyzer.timeline.Timeline;
import dev.precog.model.Metric;
import dev.precog.model.Window;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalDouble;
import java.util.function.DoubleBinaryOperator;

/**
 * The CPU this JVM spends outside its Java threads, as a share of all cores: the garbage
 * collector's workers and concurrent threads and the VM thread. It is the JVM's total
 * ({@code cpu.jvmUser + cpu.jvmSystem}) less its Java threads' ({@code cpu.javaThreads}), the
 * median over the last windows that hold both (a thread-load batch every ten seconds covers a
 * slightly different span than the window's CPU samples). Its Java threads' share, over the same
 * windows, sizes the work of a growing backlog ({@link BacklogWork}).
 */
final class GcCpuShare {

    /** Windows with both measures the median is taken over. */
    static final int WINDOWS = 6;

    private GcCpuShare() {}

    /** The share now, never negative; empty when the timeline has no Java-thread CPU (a recording without jdk.ThreadCPULoad). */
    static OptionalDouble now(Timeline timeline) {
        return median(timeline, (total, java) -> Math.max(0, total - java));
    }

    /** The Java threads' share now, over the same windows; empty as for {@link #now}. */
    static OptionalDouble javaThreads(Timeline timeline) {
        return median(timeline, (total, java) -> java);
    }

    /** The median of {@code part} (of the JVM's total and its Java threads') over the last windows holding both. */
    private static OptionalDouble median(Timeline timeline, DoubleBinaryOperator part) {
        List<Window> windows = timeline.windows();
        double[] values = new double[WINDOWS];
        int n = 0;
        for (int i = windows.size() - 1; i >= 0 && n < WINDOWS; i--) {
            Window w = windows.get(i);
            OptionalDouble java = w.value(Metric.CPU_JAVA_THREADS);
            OptionalDouble user = w.value(Metric.CPU_JVM_USER);
            OptionalDouble system = w.value(Metric.CPU_JVM_SYSTEM);
            if (java.isPresent() && user.isPresent() && system.isPresent()) {
                values[n++] = part.applyAsDouble(user.getAsDouble() + system.getAsDouble(), java.getAsDouble());
            }
        }
        return n == 0 ? OptionalDouble.empty() : OptionalDouble.of(Median.of(Arrays.copyOf(values, n)));
    }
}
