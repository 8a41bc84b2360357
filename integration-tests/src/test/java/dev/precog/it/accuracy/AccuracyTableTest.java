package dev.precog.it.accuracy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.precog.it.harness.Reports;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AccuracyTableTest {

    /** An answer of {@code backtest} as the command prints it: a leak that crossed, a flat series with little defined. */
    private static final String ANSWER = """
            { "recording": "/abs/run.jfr", "windowSeconds": 10.0, "series": [
              { "metric": "heap.usedAfterGc", "points": 118, "spanSeconds": 1180.0, "resolutionSeconds": 10.0, "origins": 12,
                "chosenModels": {"damped-trend": 3, "theil-sen-linear": 9},
                "pointForecasts": 240, "pointMape": 0.034, "coverage80": 0.81, "coverage95": 0.94,
                "above80": 0.15, "above95": 0.05,
                "threshold": 1.2e8, "thresholdSource": "reached in the recording", "crossedAfterSeconds": 812.0,
                "timeToThresholdForecasts": 7, "timeToThresholdMape": 0.21, "crossingsMissed": 2, "someFieldAddedLater": true },
              { "metric": "metaspace.used", "points": 30, "spanSeconds": 300.0, "resolutionSeconds": 10.0, "origins": 3,
                "chosenModels": {}, "pointForecasts": 12, "pointMape": null, "coverage80": 0.5, "coverage95": null,
                "threshold": null, "thresholdSource": null, "crossedAfterSeconds": null,
                "timeToThresholdForecasts": null, "timeToThresholdMape": null, "crossingsMissed": null } ] }
            """;

    private static RecordingResult result(String name, String jdk, JsonNode answer) {
        return new RecordingResult(name, "leak, slow and noisy", jdk, "17.0.15+6", "RateLimitedApiService 92.0 300",
                "-Xmx256m -XX:+UseG1GC", "/work/recordings/slow/run.jfr", 23_400_000, 2401.5, 131, "10s", "", answer);
    }

    @Test
    void readsEveryFieldOfAnAnswerAndLeavesUndefinedOnesNull() throws IOException {
        List<SeriesAccuracy> series = result("slow", "jdk17", Reports.parse(ANSWER)).series();

        assertThat(series).hasSize(2);
        SeriesAccuracy heap = series.get(0);
        assertThat(heap.metric()).isEqualTo("heap.usedAfterGc");
        assertThat(heap.points()).isEqualTo(118);
        assertThat(heap.chosenModels()).containsEntry("theil-sen-linear", 9L).containsEntry("damped-trend", 3L);
        assertThat(heap.coverage95()).isEqualTo(0.94);
        assertThat(heap.above80()).isEqualTo(0.15);
        assertThat(heap.crossingsMissed()).isEqualTo(2);
        SeriesAccuracy flat = series.get(1);
        assertThat(flat.pointMape()).isNull();
        assertThat(flat.threshold()).isNull();
        assertThat(flat.thresholdSource()).isNull();
        assertThat(flat.chosenModels()).isEmpty();
        assertThat(flat.above80()).as("an answer made before the sides were counted").isNull();
    }

    @Test
    void rowShowsEveryMeasureInItsUnit() throws IOException {
        RecordingResult r = result("slow-leak-rate-limiter", "jdk17", Reports.parse(ANSWER));

        String row = AccuracyTable.row(r, r.series().get(0));

        assertThat(row).isEqualTo("| slow-leak-rate-limiter | jdk17 | `heap.usedAfterGc` | 118 | 19m40s | 12 | theil-sen-linear ×9, "
                + "damped-trend ×3 | 3.4% (240) | 81% | 94% | 15 / 4 · 5 / 1 | 114.4 MB (reached in the recording) | 13m32s | 21.0% (7) | 2 |\n");
    }

    @Test
    void undefinedNumbersAreDashesAndFewForecastsAreNotJudged() throws IOException {
        RecordingResult r = result("flat", "jdk17", Reports.parse(ANSWER));

        String row = AccuracyTable.row(r, r.series().get(1));

        assertThat(row).isEqualTo("| flat | jdk17 | `metaspace.used` | 30 | 5m00s | 3 | – | – | 50% (few) | – | – | – | – | – | – |\n");
        assertThat(AccuracyTable.farFromNominal(r.series().get(1))).isFalse();
    }

    @Test
    void coverageFarFromNominalIsBoldAndSaysWhichWay() {
        assertThat(AccuracyTable.coverage(0.40, AccuracyTable.NOMINAL_80, 240L, 24L)).isEqualTo("**40%** (low)");
        assertThat(AccuracyTable.coverage(1.0, AccuracyTable.NOMINAL_95, 2400L, 240L)).isEqualTo("**100%** (high)");
        assertThat(AccuracyTable.coverage(0.90, AccuracyTable.NOMINAL_80, 240L, 24L)).isEqualTo("90%");
        assertThat(AccuracyTable.coverage(0.40, AccuracyTable.NOMINAL_80, 5L, 2L)).isEqualTo("40% (few)");
        assertThat(AccuracyTable.coverage(null, AccuracyTable.NOMINAL_80, 240L, 24L)).isEqualTo("–");
    }

    @Test
    void outsideTheBandButWithinChanceIsSaidSoAndNotCountedAsABug() {
        // all of 24 forecasts inside a 95% band: a calibrated forecaster does that 29% of the time
        assertThat(AccuracyTable.coverage(1.0, AccuracyTable.NOMINAL_95, 240L, 24L)).isEqualTo("100% (high, within chance)");
        assertThat(AccuracyTable.far(1.0, AccuracyTable.NOMINAL_95, 240L, 24L)).isFalse();
        // the same with ten times the origins is no accident
        assertThat(AccuracyTable.far(1.0, AccuracyTable.NOMINAL_95, 2400L, 240L)).isTrue();
        // no origins to count: the band alone decides
        assertThat(AccuracyTable.far(1.0, AccuracyTable.NOMINAL_95, 240L, null)).isTrue();
    }

    @Test
    void binomialTestMatchesHandComputedTails() {
        assertThat(BinomialTest.twoSidedP(0, 10, 0.5)).isCloseTo(2.0 / 1024, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(BinomialTest.twoSidedP(5, 10, 0.5)).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-12));
        // 24 of 24 at 95%: every count but 23 is as unlikely or less, so 1 - P(23) = 1 - 24 * 0.05 * 0.95^23
        assertThat(BinomialTest.twoSidedP(24, 24, 0.95)).isCloseTo(1 - 24 * 0.05 * Math.pow(0.95, 23),
                org.assertj.core.data.Offset.offset(1e-9));
        // hundreds of trials at 95% do not underflow
        assertThat(BinomialTest.twoSidedP(228, 240, 0.95)).isBetween(0.5, 1.0);
        assertThat(BinomialTest.twoSidedP(180, 240, 0.95)).isLessThan(1e-12).isGreaterThanOrEqualTo(0);
    }

    @Test
    void pageCountsFlaggedSeriesAndFailedRecordings() throws IOException {
        JsonNode miscalibrated = Reports.parse(ANSWER.replace("\"coverage80\": 0.81", "\"coverage80\": 0.25"));
        RecordingResult failed = result("broken", "jdk25", null).withBacktest(null, "backtest exited 1: precog: corrupt file");

        String page = AccuracyTable.markdown(List.of(result("slow", "jdk17", miscalibrated), failed), "./mvnw -Pbacktest", "2026-12-01T12:00:00Z",
                "forecast-accuracy-set-2.json");

        // one series judged, over 12 origins: a calibrated one would be far about once in fifty
        assertThat(page).contains("2 recordings, 2 series backtested; 1 series has coverage far from nominal; a calibrated "
                + String.format(java.util.Locale.ROOT, "forecaster would have about %.2f far by chance alone, under the same test, were its origins "
                        + "independent trials (more, as they are not). ",
                        ChanceOfFar.probability(12))
                + "1 recording could not be backtested (see its note).");
        assertThat(ChanceOfFar.probability(12)).isBetween(0.005, 0.05);
        assertThat(page).contains("| slow | jdk17 | `heap.usedAfterGc` |").contains("**25%** (low)");
        assertThat(page).contains("| broken | 17.0.15+6 | leak, slow and noisy | `RateLimitedApiService 92.0 300` | `-Xmx256m -XX:+UseG1GC` "
                + "| 40m02s | 23.4 MB | 131 | 10s | backtest exited 1: precog: corrupt file |");
        assertThat(page).contains("```sh\n./mvnw -Pbacktest\n```").contains("2026-12-01T12:00:00Z")
                .contains("[`forecast-accuracy-set-2.json`](forecast-accuracy-set-2.json)");
    }

    @Test
    void poolingWeighsEachSeriesByItsForecastsAndStillCountsTheFlaggedOnes() throws IOException {
        // 240 pairs at 100% (too wide) and 60 at 20% (too narrow): 84% over the 300, yet the narrow one is far
        // from nominal (and the wide one, all 12 of its origins inside an 80% band, could be chance: 7%)
        JsonNode wide = Reports.parse(ANSWER.replace("\"coverage80\": 0.81", "\"coverage80\": 1.0")
                .replace("\"above80\": 0.15", "\"above80\": 0.0"));
        JsonNode narrow = Reports.parse(ANSWER.replace("\"coverage80\": 0.81", "\"coverage80\": 0.2")
                .replace("\"pointForecasts\": 240", "\"pointForecasts\": 60").replace("\"timeToThresholdMape\": 0.21",
                        "\"timeToThresholdMape\": 0.51"));
        List<SeriesAccuracy> all = new java.util.ArrayList<>(result("a", "jdk17", wide).series());
        all.addAll(result("b", "jdk17", narrow).series());

        List<PooledAccuracy> pooled = PooledAccuracy.of(all);

        assertThat(pooled).extracting(PooledAccuracy::metric).containsExactly("heap.usedAfterGc", "metaspace.used");
        PooledAccuracy heap = pooled.get(0);
        assertThat(heap.series()).isEqualTo(2);
        assertThat(heap.pointForecasts()).isEqualTo(300);
        assertThat(heap.coverage80()).isCloseTo(0.84, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(heap.timeToThresholdForecasts()).isEqualTo(14);
        assertThat(heap.timeToThresholdMape()).isCloseTo(0.36, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(heap.crossingsMissed()).isEqualTo(4);
        assertThat(heap.origins()).isEqualTo(24);
        assertThat(heap.farFromNominal()).isEqualTo(1);
        assertThat(pooled.get(1).pointMape()).as("no series of it had one").isNull();
        assertThat(AccuracyTable.pooledSection(all))
                .contains("| `heap.usedAfterGc` | 2 | 3.4% (300) | 84% | 94% | 3 / 13 · 5 / 1 | 36.0% (14) | 4 | 1 of 2 |")
                .contains("| `metaspace.used` | 2 | – | 50% (low, within chance) | – | – | – | 0 | 0 of 2 |");
    }

    @Test
    void aSeriesForecastExactlyIsNeitherJudgedNorPooledIntoTheCoverage() throws IOException {
        // a thread count that never moved: every forecast hit every point, 100% inside both bands
        JsonNode exact = Reports.parse(ANSWER.replace("\"pointMape\": 0.034, \"coverage80\": 0.81, \"coverage95\": 0.94",
                "\"pointMape\": 0.0, \"coverage80\": 1.0, \"coverage95\": 1.0").replace("\"above80\": 0.15, \"above95\": 0.05",
                "\"above80\": 0.0, \"above95\": 0.0"));
        JsonNode moving = Reports.parse(ANSWER);
        RecordingResult flat = result("flat", "jdk17", exact);
        List<SeriesAccuracy> all = new java.util.ArrayList<>(flat.series());
        all.addAll(result("leak", "jdk17", moving).series());

        SeriesAccuracy threads = flat.series().get(0);
        assertThat(threads.exact()).isTrue();
        assertThat(AccuracyTable.farFromNominal(threads)).isFalse();
        assertThat(AccuracyTable.outsideBands(threads)).isFalse();
        assertThat(AccuracyTable.row(flat, threads)).contains("| 0.0% (240) | 100% (exact) | 100% (exact) |");
        PooledAccuracy heap = PooledAccuracy.of(all).get(0);
        assertThat(heap.coverage80()).as("the moving series' alone").isEqualTo(0.81);
        assertThat(heap.pointMape()).as("both series'").isCloseTo(0.017, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(heap.origins()).isEqualTo(12);
        assertThat(result("almost", "jdk17", Reports.parse(ANSWER.replace("\"pointMape\": 0.034, \"coverage80\": 0.81",
                "\"pointMape\": 0.0, \"coverage80\": 0.81"))).series().get(0).exact()).as("a miss is not exact").isFalse();
    }

    @Test
    void emptyPageSaysSo() {
        assertThat(AccuracyTable.markdown(List.of(), "./mvnw -Pbacktest", "now", "forecast-accuracy.json"))
                .contains("0 recordings, 0 series backtested; no series has coverage far from nominal.");
    }

    @Test
    void rerunReplacesItsOwnEntriesKeepsTheOthersAndKeepsTheScenarioOrder() {
        RecordingResult oldSlow = result("slow", "jdk17", null);
        RecordingResult linear17 = result("linear", "jdk17", null);
        RecordingResult linear25 = result("linear", "jdk25", null);
        RecordingResult newSlow = result("slow", "jdk17", null).withBacktest(null, "rerun");

        List<RecordingResult> merged = AccuracyResults.merge(List.of(oldSlow, linear25, linear17), List.of(newSlow),
                List.of("linear", "slow"));

        assertThat(merged).containsExactly(linear17, linear25, newSlow);
    }

    @Test
    void resultsSurviveTheirFile(@TempDir Path dir) throws IOException {
        RecordingResult r = result("slow", "jdk17", Reports.parse(ANSWER));
        Path file = dir.resolve("forecast-accuracy.json");

        new AccuracyResults("now", "cmd", List.of(r)).write(file);

        assertThat(AccuracyResults.read(file)).containsExactly(r);
        JsonNode written = Reports.parse(Files.readString(file)).path("recordings").path(0);
        assertThat(written.path("backtest").path("series").path(0).path("someFieldAddedLater").asBoolean()).isTrue();
        assertThat(written.has("key")).as("only the record's components are written").isFalse();
        assertThat(AccuracyResults.read(dir.resolve("missing.json"))).isEmpty();
    }

    @Test
    void recordingsAreNamedOrNamedAfterTheirDirectory(@TempDir Path dir) throws IOException {
        Path slow = Files.createDirectories(dir.resolve("slow-leak-40m")).resolve("run.jfr");
        Path other = dir.resolve("other.jfr");
        Files.writeString(slow, "x");
        Files.writeString(other, "x");

        Map<String, Path> given = ForecastAccuracy.recordings(slow + ", healthy=" + other);

        assertThat(given).containsExactly(Map.entry("slow-leak-40m", slow), Map.entry("healthy", other));
        assertThat(ForecastAccuracy.recordings(" ")).isEmpty();
    }

    @Test
    void heapFlagsLeaveOutTheAgentAndTheRecording() {
        String recorded = "-javaagent:/x/precog-agent.jar=reportDir=/r,window=10s -XX:StartFlightRecording=filename=/r/run.jfr,"
                + "settings=default -Xmx256m -XX:+UseG1GC -Dfoo=bar";

        assertThat(RecordingFacts.heapFlags(recorded)).isEqualTo("-Xmx256m -XX:+UseG1GC");
        assertThat(RecordingFacts.shortWorkload("dev.precog.it.workload.RateLimitedApiService 92 300"))
                .isEqualTo("RateLimitedApiService 92 300");
    }

    @Test
    void jdkIsReadFromTheRecordedVersionLine() {
        RecordingFacts jdk17 = new RecordingFacts("OpenJDK 64-Bit Server VM (17.0.15+6-Debian-1deb12u1) for linux-amd64 JRE "
                + "(17.0.15+6-Debian-1deb12u1), built on 2025-04-16T00:00:00Z", "", "", null, null, 0, 0, 0);
        RecordingFacts jdk25 = new RecordingFacts("OpenJDK 64-Bit Server VM (25+36-LTS) for linux-amd64 JRE (25+36-LTS)", "", "",
                null, null, 0, 0, 0);

        assertThat(jdk17.jdkName()).isEqualTo("jdk17");
        assertThat(jdk17.jdkVersion()).isEqualTo("17.0.15+6-Debian-1deb12u1");
        assertThat(jdk25.jdkName()).isEqualTo("jdk25");
        assertThat(new RecordingFacts(null, null, null, null, null, 0, 0, 0).jdkName()).isEqualTo("unknown");
    }

    @Test
    void shorterSlowLeakLeaksFasterFromMoreRequests() {
        assertThat(ForecastAccuracy.slowLeakArgs(40)).containsExactly("92.0", "300");
        assertThat(ForecastAccuracy.slowLeakArgs(10)).containsExactly("368.0", "1104");
    }
}
