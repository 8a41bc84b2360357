package dev.precog.bench;

import dev.precog.analyzer.detect.AnalysisContext;
import dev.precog.analyzer.forecast.MetricForecaster;
import dev.precog.analyzer.timeline.Timeline;
import dev.precog.model.Metric;
import dev.precog.model.Window;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * What the forecasts cost the agent per evaluation, over a full timeline (6 hours of 10-second
 * windows, a leaking heap and noisy flat series for the rest): {@code forecastAll} is an ordinary
 * evaluation, the model choice kept from before; {@code chooseAndForecastAll} includes the
 * rolling-origin backtest of every model for every metric, which runs once a minute of history.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@State(Scope.Benchmark)
public class ForecastBenchmark {

    private AnalysisContext context;
    private List<MetricForecaster> warm;

    @Setup(Level.Trial)
    public void timeline() {
        Random r = new Random(1);
        Timeline t = new Timeline(2160);
        Instant t0 = Instant.parse("2026-01-01T00:00:00Z");
        for (int i = 0; i < 2160; i++) {
            Instant s = t0.plusSeconds(10L * i);
            t.add(new Window(s, s.plusSeconds(10), Map.ofEntries(
                    Map.entry(Metric.HEAP_USED_AFTER_GC, 1e8 + 1e4 * i + 1e6 * r.nextGaussian()),
                    Map.entry(Metric.OLD_GC_COUNT, 1.0),
                    Map.entry(Metric.METASPACE_USED, 5e7 + 1e4 * r.nextGaussian()),
                    Map.entry(Metric.PROCESS_RSS, 5e8 + 1e6 * r.nextGaussian()),
                    Map.entry(Metric.HOST_MEMORY_TOTAL, 2e10),
                    Map.entry(Metric.HOST_MEMORY_AVAILABLE, 1e10 + 1e7 * r.nextGaussian()),
                    Map.entry(Metric.THREADS_ACTIVE, 50.0 + r.nextInt(3)),
                    Map.entry(Metric.CPU_JVM_USER, 0.2 + 0.05 * r.nextGaussian()),
                    Map.entry(Metric.CPU_JVM_SYSTEM, 0.02),
                    Map.entry(Metric.HOST_CPU, 0.5 + 0.1 * r.nextGaussian())), Map.of(), List.of(), 1));
        }
        context = new AnalysisContext(t, t0.plusSeconds(21_600), 1L, 1_000_000_000L, null, null)
                .withMetaspaceMaxBytes(256_000_000L).withThreadLimit(new AnalysisContext.Limit(4096, "ulimit -u"));
        warm = forecasters();
        warm.forEach(f -> f.forecast(context));
    }

    private static List<MetricForecaster> forecasters() {
        return MetricForecaster.standard();
    }

    @Benchmark
    public void forecastAll(Blackhole bh) {
        for (MetricForecaster f : warm) {
            bh.consume(f.forecast(context));
        }
    }

    @Benchmark
    public void chooseAndForecastAll(Blackhole bh) {
        for (MetricForecaster f : forecasters()) {
            bh.consume(f.forecast(context));
        }
    }
}
