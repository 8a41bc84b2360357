package dev.precog.analyzer.forecast;

import dev.precog.analyzer.detect.AnalysisContext;
import dev.precog.model.Forecast;
import java.util.Optional;

/** Forecasts one metric against its limit; empty when there is not enough history or no limit. */
public interface Forecaster {

    /** The metric key this forecaster speaks about, e.g. {@code heap.usedAfterGc}. */
    String metric();

    Optional<Forecast> forecast(AnalysisContext context);
}
