package dev.precog.analyzer;

import dev.precog.analyzer.detect.AnalysisContext;
import dev.precog.analyzer.detect.AllocationPressureDetector;
import dev.precog.analyzer.detect.CpuSaturationDetector;
import dev.precog.analyzer.detect.DeadlockDetector;
import dev.precog.analyzer.detect.Detector;
import dev.precog.analyzer.detect.FindingTracker;
import dev.precog.analyzer.detect.GcPressureDetector;
import dev.precog.analyzer.detect.HostMemoryPressureDetector;
import dev.precog.analyzer.detect.IoBoundDetector;
import dev.precog.analyzer.detect.LockContentionDetector;
import dev.precog.analyzer.detect.MemoryLeakDetector;
import dev.precog.analyzer.detect.MetaspaceLeakDetector;
import dev.precog.analyzer.detect.NativeMemoryGrowthDetector;
import dev.precog.analyzer.detect.ThreadLeakDetector;
import dev.precog.analyzer.detect.ThreadStarvationDetector;
import dev.precog.analyzer.forecast.ForecastTracker;
import dev.precog.analyzer.forecast.Forecaster;
import dev.precog.analyzer.forecast.MetricForecaster;
import dev.precog.analyzer.report.HeapDumpAdvisor;
import dev.precog.model.Finding;
import dev.precog.model.Forecast;
import dev.precog.model.HeapDumpSuggestion;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Runs every detector and forecaster over the timeline and keeps findings' identities stable
 * across runs. The same instance serves the live agent and the offline analysis.
 */
public final class Analyzer {

    /**
     * A problem not seen for this many evaluations in a row (and for {@link #FORGET_AFTER_TIME}) is forgotten: until
     * then it keeps its identity and stays in the report as last found, and the agent's evidence of it (its class
     * histograms, its censuses) is kept for it too.
     */
    public static final int FORGET_AFTER = 6;
    /**
     * Nor before it has been missed this long: evaluations come once per window, and a window may be 1 s. A young
     * periodic leak's finding was missed for 36 s with 1-second windows (LeakPatternsIT, 2026-12-07).
     */
    public static final Duration FORGET_AFTER_TIME = Duration.ofMinutes(2);

    private final List<Detector> detectors;
    private final List<Forecaster> forecasters;
    private final FindingTracker tracker = new FindingTracker(FORGET_AFTER, FORGET_AFTER_TIME);
    private final ForecastTracker forecastTracker = new ForecastTracker(FORGET_AFTER, FORGET_AFTER_TIME);
    private final AtomicLong failures = new AtomicLong();

    public Analyzer(List<Detector> detectors, List<Forecaster> forecasters) {
        this.detectors = List.copyOf(detectors);
        this.forecasters = List.copyOf(forecasters);
    }

    /** The detectors and forecasters Precog ships. */
    public static Analyzer standard() {
        return new Analyzer(
                List.of(new MemoryLeakDetector(), new GcPressureDetector(), new AllocationPressureDetector(),
                        new ThreadLeakDetector(), new MetaspaceLeakDetector(), new NativeMemoryGrowthDetector(),
                        new DeadlockDetector(),
                        new LockContentionDetector(),
                        new IoBoundDetector(),
                        new HostMemoryPressureDetector(),
                        new CpuSaturationDetector(),
                        new ThreadStarvationDetector()),
                List.copyOf(MetricForecaster.standard()));
    }

    /** What the analysis concluded at one moment. */
    public record Result(List<Finding> findings, List<Forecast> forecasts, HeapDumpSuggestion heapDump) {}

    public Result evaluate(AnalysisContext context) {
        List<Finding> found = new ArrayList<>();
        for (Detector d : detectors) {
            try {
                found.addAll(d.detect(context));
            } catch (RuntimeException e) {
                // One broken detector must not silence the others.
                failures.incrementAndGet();
            }
        }
        List<Finding> findings = new ArrayList<>(tracker.track(found, context.now()));
        findings.sort(Comparator.comparing(Finding::severity).reversed()
                .thenComparing(Comparator.comparingDouble(Finding::confidence).reversed()));
        // a finding held through a short absence still vouches for its growth, so a forecast's claim does not flap with it
        AnalysisContext forecasting = context.withFindings(findings);
        List<Forecast> forecasts = new ArrayList<>();
        for (Forecaster f : forecasters) {
            try {
                f.forecast(forecasting).ifPresent(forecasts::add);
            } catch (RuntimeException e) {
                failures.incrementAndGet();
            }
        }
        forecasts = forecastTracker.track(forecasts, context.now());
        return new Result(findings, forecasts, HeapDumpAdvisor.advise(forecasting, findings, forecasts));
    }

    /** Detector and forecaster runs that threw, since creation. */
    public long failures() {
        return failures.get();
    }
}
