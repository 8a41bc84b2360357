package dev.precog.analyzer.forecast;

import dev.precog.analyzer.detect.AnalysisContext;
import dev.precog.analyzer.detect.LiveSetTrend;
import dev.precog.analyzer.stats.TheilSen;
import dev.precog.model.Forecast;
import dev.precog.model.ForecastPoint;
import dev.precog.model.Metric;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * When the heap's live set reaches the maximum heap: a robust linear trend (Theil–Sen) whose
 * 95% slope interval bounds the time to threshold. Only a live set that really grows (the leak
 * detector's own test, {@link LiveSetTrend#isGrowing()}) claims a crossing.
 */
public final class HeapLiveSetForecaster implements Forecaster {

    static final String MODEL = "theil-sen-linear";
    static final double HORIZON_SECONDS = 7 * 24 * 3600.0;
    static final int POINTS = 12;
    /** z for the two-sided 95% band added to the slope band for scatter around the line. */
    private static final double Z95 = 1.96;

    @Override
    public String metric() {
        return Metric.HEAP_USED_AFTER_GC.key();
    }

    @Override
    public Optional<Forecast> forecast(AnalysisContext context) {
        Long max = context.heapMaxBytes();
        Optional<LiveSetTrend> analysed = context.liveSetTrend();
        if (max == null || analysed.isEmpty()) {
            return Optional.empty();
        }
        LiveSetTrend t = analysed.get();
        TheilSen fit = t.fit();
        double level = t.currentLevel();
        boolean growing = t.isGrowing();
        Double eta = growing ? secondsTo(max, level, fit.slope()) : null;
        Double etaLow = growing ? secondsTo(max, level, fit.slopeHigh()) : null;
        Double etaHigh = growing ? secondsTo(max, level, fit.slopeLow()) : null;

        double horizon = eta == null ? 3600 : Math.min(HORIZON_SECONDS, Math.max(60, eta * 1.25));
        double last = t.series().lastTime();
        List<ForecastPoint> points = new ArrayList<>(POINTS);
        for (int i = 1; i <= POINTS; i++) {
            double dt = horizon * i / POINTS;
            double scatter = Z95 * fit.residualScale();
            double value = level + fit.slope() * dt;
            double low = Math.max(0, level + Math.min(fit.slopeLow(), fit.slope()) * dt - scatter);
            double high = level + Math.max(fit.slopeHigh(), fit.slope()) * dt + scatter;
            points.add(new ForecastPoint(Instant.ofEpochMilli(Math.round((last + dt) * 1000)), value, low, high, low, high));
        }
        return Optional.of(new Forecast("forecast:" + metric(), metric(), MODEL, Forecast.RISING, max, "-Xmx", level,
                fit.slope(), fit.level(), eta, etaLow, etaHigh, null, horizon, 0, t.series().size(),
                List.of(new Forecast.ModelScore(MODEL, null, 0, true)), points));
    }

    /** Seconds until {@code level} reaches {@code threshold} at {@code slope}; null beyond the horizon. */
    private static Double secondsTo(double threshold, double level, double slope) {
        if (slope <= 0) {
            return null;
        }
        double s = Math.max(0, (threshold - level) / slope);
        return s > HORIZON_SECONDS ? null : s;
    }
}
