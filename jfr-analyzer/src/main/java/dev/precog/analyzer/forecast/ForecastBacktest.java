package dev.precog.analyzer.forecast;

import dev.precog.analyzer.OfflineAnalysis;
import dev.precog.analyzer.detect.AnalysisContext;
import dev.precog.analyzer.evidence.Evidence;
import dev.precog.analyzer.jfr.RecordedJvmFacts;
import dev.precog.analyzer.jfr.RecordingFileSource;
import dev.precog.analyzer.jfr.ReplayProgress;
import dev.precog.analyzer.jfr.UnreadableRecordingException;
import dev.precog.analyzer.stats.MannKendall;
import dev.precog.analyzer.timeline.Series;
import dev.precog.analyzer.timeline.Timeline;
import dev.precog.model.Forecast;
import dev.precog.model.Unit;
import dev.precog.model.Window;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * How well the forecasts would have done on a recording: it is replayed window by window, as the
 * live agent sees it, and every forecaster forecasts from the history so far at every window, as the
 * agent's analysis does, so each forecast's bands are calibrated by the same earlier forecasts
 * ({@link BandCalibration}). The forecasts at a series of origins are scored against what the recording
 * did afterwards: the error of the point forecast, whether the 80% and 95% bands held the truth, and
 * the time it gave to a threshold the series really crossed later.
 */
public final class ForecastBacktest {

    /** Origins, evenly spread over the replay from {@link #FIRST_ORIGIN} of it. */
    static final int ORIGINS = 24;
    static final double FIRST_ORIGIN = 0.25;
    /** For time to threshold, a series that crosses no real limit is given the level it reached this far in. */
    static final double SYNTHETIC_THRESHOLD_AT = 0.85;
    static final double SIGNIFICANCE = 0.01;

    private final Duration window;
    private final Set<String> detailed;

    public ForecastBacktest(Duration window) {
        this(window, Set.of());
    }

    /**
     * A backtest that also keeps every forecast of the {@code detailed} metrics (keys such as
     * {@code heap.usedAfterGc}) and what came after it, in {@link Result#details}.
     *
     * @throws IllegalArgumentException naming a key that no forecaster forecasts
     */
    public ForecastBacktest(Duration window, Set<String> detailed) {
        List<String> known = metrics();
        for (String metric : detailed) {
            if (!known.contains(metric)) {
                throw new IllegalArgumentException("no forecast of " + metric + "; the metrics forecast are " + String.join(", ", known));
            }
        }
        this.window = window;
        this.detailed = Set.copyOf(detailed);
    }

    /** The keys of the metrics a backtest scores, when the recording has them. */
    public static List<String> metrics() {
        return forecasters().stream().map(MetricForecaster::metric).toList();
    }

    /**
     * The scores of one recording.
     *
     * @param details every forecast of the metrics asked for in detail, in order; none unless asked
     */
    public record Result(String recording, double windowSeconds, int windows, List<MetricScore> series,
            List<OriginDetail> details) {}

    /**
     * One forecast of a metric asked for in detail, and what the recording did within its horizon:
     * the forecasts behind a coverage, to see where and on which side its misses fell.
     *
     * @param originSeconds the forecast's origin (its history's last point), from the start of the recording
     * @param historyPoints points of the (prepared) history it was made from
     * @param model the model chosen at this origin
     * @param adjustment what raised its upper bands, as the report says it; null when nothing did
     * @param pairs each later point of the series within the forecast's horizon
     * @param timing this forecast's time to the threshold the metric's score times, against when the
     *     series crossed it; null when the threshold is not timed from this origin (none, or already crossed)
     */
    public record OriginDetail(String metric, Unit unit, double originSeconds, int historyPoints, String model,
            String adjustment, List<PairDetail> pairs, ThresholdTiming timing) {}

    /**
     * One origin's time to a threshold, the trial behind {@code timeToThresholdMape}.
     *
     * @param threshold the level timed
     * @param thresholdSource what it is, as {@link MetricScore#thresholdSource()} says
     * @param forecastSeconds the forecast's time to it from the origin; null when the forecast claims no
     *     crossing (the series does not move towards it significantly, or not within the forecast's horizon)
     * @param actualSeconds when the series first reached it, from the origin
     * @param verdict how it counts in the metric's score
     */
    public record ThresholdTiming(double threshold, String thresholdSource, Double forecastSeconds, double actualSeconds,
            TimingVerdict verdict) {}

    /** How one origin's time to threshold counts in {@link MetricScore}. */
    public enum TimingVerdict {
        /** A forecast time, in {@code timeToThresholdMape}. */
        TIMED,
        /** No crossing forecast though the real one came within the forecast's horizon: in {@code crossingsMissed}. */
        MISSED,
        /** No crossing forecast and none within the forecast's horizon either: right, and not counted. */
        BEYOND_HORIZON,
        /**
         * The crossing is the series' next point after the origin: not counted, since the series shows a
         * crossing only at a point and the real one came anywhere in the gap before it, so the error
         * there is the sampling's (a second's jitter in a collection four seconds away is 25%), not the
         * forecast's.
         */
        NEXT_POINT
    }

    /** One later point against a forecast: its lead from the origin, the truth, the point forecast and both bands. */
    public record PairDetail(double leadSeconds, double actual, double forecast, double low80, double high80, double low95,
            double high95) {

        /** Where the truth fell against the bands: "above 95%", "below 80%"..., or null inside the 80% band. */
        public String miss() {
            if (inside80()) {
                return null;
            }
            return (above80() ? "above " : "below ") + (inside95() ? "80%" : "95%");
        }

        boolean inside80() {
            return actual >= low80 && actual <= high80;
        }

        boolean inside95() {
            return actual >= low95 && actual <= high95;
        }

        boolean above80() {
            return actual > high80;
        }

        boolean above95() {
            return actual > high95;
        }
    }

    /**
     * One metric's scores; ratios are null when there was nothing to score.
     *
     * @param points points of the metric's whole (prepared) series, the truth
     * @param origins forecasts scored: origins at which the metric could be forecast, less those whose
     *     history had gained no point since the origin before (their forecast would repeat that one's)
     * @param chosenModels how often each model was chosen at those origins
     * @param pointForecasts (origin, later point) pairs scored
     * @param pointMape mean absolute percentage error of the point forecast over those pairs
     * @param coverage80 share of the pairs inside the 80% band
     * @param coverage95 share inside the 95% band
     * @param above80 share above the 80% band: with {@code coverage80}, which side its misses fell on
     *     (a calibrated band misses about as often above as below)
     * @param above95 share above the 95% band
     * @param threshold the threshold timed, null when the series reached none worth timing
     * @param crossedAfterSeconds when the series crossed it, from the start of the recording
     * @param timeToThresholdForecasts origins before the crossing, with a point of the series between them
     *     and it, whose forecast gave a time ({@link TimingVerdict#TIMED})
     * @param timeToThresholdMape mean absolute percentage error of those times
     * @param crossingsMissed such origins, the crossing within the forecast's horizon, that gave no time
     *     ({@link TimingVerdict#MISSED})
     */
    public record MetricScore(String metric, int points, double spanSeconds, double resolutionSeconds, int origins,
            Map<String, Integer> chosenModels, int pointForecasts, Double pointMape, Double coverage80, Double coverage95,
            Double above80, Double above95, Double threshold, String thresholdSource, Double crossedAfterSeconds, int timeToThresholdForecasts,
            Double timeToThresholdMape, int crossingsMissed) {}

    public Result run(Path recording) throws UnreadableRecordingException {
        return run(recording, ReplayProgress.NONE);
    }

    /** The scores of one recording, telling {@code progress} how much of the file is read. */
    public Result run(Path recording, ReplayProgress progress) throws UnreadableRecordingException {
        RecordedJvmFacts facts = new RecordedJvmFacts();
        List<Window> windows = new ArrayList<>();
        new RecordingFileSource(recording, window).replay(facts, windows::add, progress);
        if (windows.size() < 2) {
            throw new UnreadableRecordingException(recording + " holds less than two windows of data");
        }
        Timeline full = new Timeline(windows.size() + 1);
        windows.forEach(full::add);
        AnalysisContext end = OfflineAnalysis.context(full, windows.get(windows.size() - 1).end(), facts, recording, Evidence.NONE);
        double start = windows.get(0).start().toEpochMilli() / 1000.0;

        List<MetricForecaster> forecasters = forecasters();
        // the whole series to score against comes from forecasters of its own: asking the replay's for it
        // would let them choose a model from the whole recording (the CPU's asks the heap's for its fit)
        // and keep that choice at the origins, a future they must not see
        List<MetricForecaster> truths = forecasters();
        Map<MetricForecaster, Scorer> scorers = new LinkedHashMap<>();
        List<OriginDetail> details = new ArrayList<>();
        for (int i = 0; i < forecasters.size(); i++) {
            MetricForecaster f = forecasters.get(i);
            truths.get(i).truth(end).ifPresent(t -> scorers.put(f, new Scorer(t, start, detailed.contains(f.metric()) ? details : null)));
        }
        Timeline replay = new Timeline(windows.size() + 1);
        int k = 0;
        for (int seen = 1; k < ORIGINS; seen++) {
            replay.add(windows.get(seen - 1));
            boolean origin = false;
            while (k < ORIGINS && originWindows(windows.size(), k) == seen) {
                origin = true;
                k++;
            }
            AnalysisContext now = OfflineAnalysis.context(replay, windows.get(seen - 1).end(), facts, recording, Evidence.NONE);
            for (MetricForecaster f : forecasters) {
                Scorer scorer = scorers.get(f);
                if (scorer == null) {
                    continue;
                }
                Optional<ForecastTarget> target = f.target(now);
                if (target.isEmpty()) {
                    continue;
                }
                ForecastTarget t = target.get();
                Series observed = f.observed(now, t);
                if (origin) {
                    scorer.score(f, t, observed);
                } else {
                    // the agent forecasts every window, and its bands are calibrated by all of those forecasts
                    f.calibrated(t, observed);
                }
            }
        }
        List<MetricScore> scores = new ArrayList<>();
        scorers.values().forEach(s -> scores.add(s.result()));
        return new Result(recording.toAbsolutePath().toString(), window.toMillis() / 1000.0, windows.size(), scores,
                List.copyOf(details));
    }

    /** How many of {@code windows} the {@code k}-th origin has seen: evenly spread from {@link #FIRST_ORIGIN} of them. */
    static int originWindows(int windows, int k) {
        return (int) Math.round(windows * (FIRST_ORIGIN + (1 - FIRST_ORIGIN) * k / ORIGINS));
    }

    /**
     * Fresh forecasters, so each replay chooses its models from nothing, as a new agent would; the
     * thread count's forecast even without the limit that only the live agent knows.
     */
    static List<MetricForecaster> forecasters() {
        return MetricForecaster.standard(ThreadCountForecaster.withoutKnownLimit());
    }

    /** Scores one metric's forecasts against its whole series. */
    private static final class Scorer {
        private final ForecastTarget truth;
        private final Series series;
        private final double start;
        private final Double threshold;
        private final String thresholdSource;
        private final Double crossedAt;
        private final Map<String, Integer> chosen = new TreeMap<>();
        /** Where each forecast goes in detail; null when its metric was not asked for. */
        private final List<OriginDetail> details;
        private int origins;
        private Series previous;
        private int pairs;
        private double ape;
        private int apeCount;
        private int in80;
        private int in95;
        private int above80;
        private int above95;
        private int tttForecasts;
        private double tttApe;
        private int missed;

        Scorer(ForecastTarget truth, double start, List<OriginDetail> details) {
            this.truth = truth;
            this.details = details;
            this.series = truth.history();
            this.start = start;
            Double[] t = thresholdToTime(truth);
            this.threshold = t == null ? null : t[0];
            this.crossedAt = t == null ? null : t[1];
            this.thresholdSource = t == null ? null : t[2] == 0 ? truth.thresholdSource() : "the level it reached "
                    + Math.round(100 * SYNTHETIC_THRESHOLD_AT) + "% into the recording";
        }

        void score(MetricForecaster forecaster, ForecastTarget target, Series observed) {
            if (sameHistory(previous, target.history())) {
                // no new point since the last origin: the same forecast again, not another trial
                return;
            }
            previous = target.history();
            SeriesForecaster.Fitted fitted = forecaster.calibrated(target, observed);
            origins++;
            chosen.merge(fitted.selection().model().name(), 1, Integer::sum);
            double originTime = target.history().lastTime();
            double horizon = target.horizonSeconds();
            double[] t = series.times();
            double[] v = series.values();
            List<PairDetail> detail = details == null ? null : new ArrayList<>();
            for (int i = 0; i < t.length; i++) {
                double lead = t[i] - originTime;
                if (lead <= 0 || lead > horizon) {
                    continue;
                }
                double[] b = fitted.bandsAt(lead);
                PairDetail pair = new PairDetail(lead, v[i], b[0], b[3], b[4], b[1], b[2]);
                if (detail != null) {
                    detail.add(pair);
                }
                pairs++;
                if (v[i] != 0) {
                    ape += Math.abs(b[0] - v[i]) / Math.abs(v[i]);
                    apeCount++;
                }
                in95 += pair.inside95() ? 1 : 0;
                in80 += pair.inside80() ? 1 : 0;
                above95 += pair.above95() ? 1 : 0;
                above80 += pair.above80() ? 1 : 0;
            }
            ThresholdTiming timing = null;
            if (threshold != null && crossedAt > originTime) {
                Forecast f = SeriesForecaster.forecast(SeriesForecaster.fit(target.withThreshold(threshold, thresholdSource),
                        fitted.selection()));
                double actual = crossedAt - originTime;
                TimingVerdict verdict = !pointBetween(originTime, crossedAt) ? TimingVerdict.NEXT_POINT
                        : f.timeToThresholdSeconds() != null ? TimingVerdict.TIMED
                        : actual <= horizon ? TimingVerdict.MISSED : TimingVerdict.BEYOND_HORIZON;
                timing = new ThresholdTiming(threshold, thresholdSource, f.timeToThresholdSeconds(), actual, verdict);
                if (verdict == TimingVerdict.TIMED) {
                    tttForecasts++;
                    tttApe += Math.abs(timing.forecastSeconds() - actual) / actual;
                } else if (verdict == TimingVerdict.MISSED) {
                    missed++;
                }
            }
            if (detail != null) {
                details.add(new OriginDetail(truth.metric(), truth.unit(), originTime - start, target.history().size(),
                        fitted.selection().model().name(), fitted.adjustment(horizon), List.copyOf(detail), timing));
            }
        }

        /** Whether the series has a point strictly between {@code from} and {@code to}. */
        private boolean pointBetween(double from, double to) {
            for (double t : series.times()) {
                if (t > from && t < to) {
                    return true;
                }
            }
            return false;
        }

        private static boolean sameHistory(Series a, Series b) {
            return a != null && a.size() == b.size() && a.lastTime() == b.lastTime() && a.times()[0] == b.times()[0];
        }

        MetricScore result() {
            return new MetricScore(truth.metric(), series.size(), series.spanSeconds(),
                    ForecastModel.meanStep(SeriesForecaster.relativeTimes(series)), origins, chosen, pairs,
                    apeCount == 0 ? null : ape / apeCount, pairs == 0 ? null : (double) in80 / pairs,
                    pairs == 0 ? null : (double) in95 / pairs, pairs == 0 ? null : (double) above80 / pairs,
                    pairs == 0 ? null : (double) above95 / pairs, threshold, thresholdSource,
                    crossedAt == null ? null : crossedAt - start, tttForecasts,
                    tttForecasts == 0 ? null : tttApe / tttForecasts, missed);
        }

        /**
         * {threshold, crossing time, 0 for the real limit or 1 for a reached level}: the real limit
         * when the series crossed it, else the level it reached {@link #SYNTHETIC_THRESHOLD_AT} of the
         * way in when it moved that way significantly; null otherwise.
         */
        private static Double[] thresholdToTime(ForecastTarget truth) {
            Series s = truth.history();
            Optional<Double> real = firstCrossing(s, truth.threshold(), truth.rising());
            if (real.isPresent()) {
                return new Double[] {truth.threshold(), real.get(), 0.0};
            }
            double[] v = s.values().clone();
            if (!truth.rising()) {
                for (int i = 0; i < v.length; i++) {
                    v[i] = -v[i];
                }
            }
            if (MannKendall.test(v).pIncreasing() >= SIGNIFICANCE) {
                return null;
            }
            int at = (int) Math.floor(SYNTHETIC_THRESHOLD_AT * (s.size() - 1));
            double level = s.values()[at];
            return firstCrossing(s, level, truth.rising()).map(t -> new Double[] {level, t, 1.0}).orElse(null);
        }

        private static Optional<Double> firstCrossing(Series s, double level, boolean rising) {
            for (int i = 0; i < s.size(); i++) {
                if (rising ? s.values()[i] >= level : s.values()[i] <= level) {
                    return Optional.of(s.times()[i]);
                }
            }
            return Optional.empty();
        }
    }
}
