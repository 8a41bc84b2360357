package dev.precog.analyzer.forecast;

import dev.precog.analyzer.detect.AnalysisContext;
import dev.precog.analyzer.timeline.Series;
import dev.precog.analyzer.timeline.Timeline;
import dev.precog.model.Metric;
import dev.precog.model.Unit;
import java.util.Optional;

/**
 * When CPU use reaches saturation, 90% of all CPUs (the level CPU_SATURATION watches): either
 * this JVM's own (user plus system, {@code cpu.jvmTotal}) or the whole host's.
 */
public final class CpuForecaster extends MetricForecaster {

    /** Share of all CPUs counted as saturated. */
    static final double SATURATED = 0.9;
    static final String JVM_TOTAL = "cpu.jvmTotal";

    private final boolean processOnly;

    private CpuForecaster(boolean processOnly) {
        this.processOnly = processOnly;
    }

    /** This JVM's CPU: {@code cpu.jvmUser + cpu.jvmSystem}. */
    public static CpuForecaster process() {
        return new CpuForecaster(true);
    }

    /** The host's CPU: {@code host.cpuLoad} from OSHI, else the machine total JFR records. */
    public static CpuForecaster host() {
        return new CpuForecaster(false);
    }

    @Override
    public String metric() {
        return processOnly ? JVM_TOTAL : Metric.HOST_CPU.key();
    }

    @Override
    public Optional<ForecastTarget> target(AnalysisContext context) {
        Timeline timeline = context.timeline();
        Optional<Series> s;
        String key;
        if (processOnly) {
            key = JVM_TOTAL;
            s = prepared(timeline.history(Metric.CPU_JVM_USER).plus(timeline.history(Metric.CPU_JVM_SYSTEM)),
                    Metric.CPU_JVM_USER);
        } else {
            boolean oshi = timeline.latest(Metric.HOST_CPU).isPresent();
            Metric m = oshi ? Metric.HOST_CPU : Metric.CPU_MACHINE;
            key = m.key();
            s = prepared(timeline, m);
        }
        return s.map(h -> new ForecastTarget(key, Unit.RATIO, h, SATURATED, "90% of all CPUs", true, null, 0, 1,
                SeriesForecaster.horizon(h)));
    }
}
