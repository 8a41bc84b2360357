package dev.precog.it.accuracy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import dev.precog.it.harness.Reports;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AcrossSetsTest {

    private static final long[] ORIGINS = {24, 24, 24};

    /** A recording of {@code name} on JDK 17 whose one series {@code metric} covered {@code c80} and {@code c95}. */
    private static RecordingResult result(String name, String metric, double c80, double c95) throws IOException {
        JsonNode answer = Reports.parse(String.format(Locale.ROOT, """
                { "series": [ { "metric": "%s", "points": 60, "origins": 24, "pointForecasts": 400, "pointMape": 0.05,
                  "coverage80": %s, "coverage95": %s } ] }""", metric, c80, c95));
        return new RecordingResult(name, "leak", "jdk17", "17.0.15+6", name, "-Xmx256m", "/recordings/" + name + ".jfr", 1, 300,
                100, "5s", "", answer);
    }

    @Test
    void aBandMissedTheSameWayInEverySetIsFar() {
        AcrossSets.Verdict v = AcrossSets.judge(new double[] {0.72, 0.69, 0.72}, ORIGINS, AccuracyTable.NOMINAL_95);

        assertThat(v.mean()).isCloseTo(0.71, within(1e-9));
        assertThat(v.p()).isLessThan(0.05);
        assertThat(v.far()).isTrue();
    }

    @Test
    void setsThatDisagreeProveNothing() {
        // a mean well under 80%, but one set inside and two far apart
        AcrossSets.Verdict v = AcrossSets.judge(new double[] {0.99, 0.45, 0.60}, ORIGINS, AccuracyTable.NOMINAL_80);

        assertThat(v.mean()).isLessThan(AccuracyTable.NOMINAL_80.low());
        assertThat(v.p()).isGreaterThan(0.05);
        assertThat(v.far()).isFalse();
    }

    /** What the README says the test cannot see with three sets of 24 origins: a band too wide. */
    @Test
    void threeSetsOf24OriginsCannotShowABandTooWide() {
        assertThat(AcrossSets.judge(new double[] {1.0, 1.0, 1.0}, ORIGINS, AccuracyTable.NOMINAL_80).p()).isGreaterThan(0.05);
    }

    @Test
    void agreeingSetsAreNotTakenForCertainty() {
        // three sets that all held 100% have no spread between them; the error of one origin per trial stands in
        AcrossSets.Verdict v = AcrossSets.judge(new double[] {1.0, 1.0, 1.0}, ORIGINS, AccuracyTable.NOMINAL_95);

        assertThat(v.standardError()).isPositive();
        assertThat(v.far()).isFalse();
    }

    @Test
    void aMeanInsideTheNominalRangeIsNeverFarHoweverSure() {
        // many origins and sets that agree: 88% is surely not 80%, but inside 70-90%
        AcrossSets.Verdict v = AcrossSets.judge(new double[] {0.88, 0.88, 0.88}, new long[] {10_000, 10_000, 10_000},
                AccuracyTable.NOMINAL_80);

        assertThat(v.p()).isLessThan(0.05);
        assertThat(v.far()).isFalse();
    }

    @Test
    void oneSetOrACoverageThatIsNoShareIsRefused() {
        assertThatThrownBy(() -> AcrossSets.judge(new double[] {0.5}, new long[] {24}, AccuracyTable.NOMINAL_80))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> AcrossSets.judge(new double[] {0.5, Double.NaN}, new long[] {24, 24}, AccuracyTable.NOMINAL_80))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("NaN");
    }

    @Test
    void seriesAreMatchedAcrossSetsByRecordingJdkAndMetricAndTheTableMarksTheFarOnes() throws IOException {
        Map<String, List<RecordingResult>> sets = new LinkedHashMap<>();
        sets.put("set-a", List.of(result("leak", "heap.usedAfterGc", 0.62, 0.72)));
        sets.put("set-b", List.of(result("leak", "heap.usedAfterGc", 0.60, 0.69),
                result("other", "heap.usedAfterGc", 0.8, 0.95)));
        sets.put("set-c", List.of(result("leak", "heap.usedAfterGc", 0.59, 0.72)));

        List<AcrossSets.Series> series = AcrossSets.collect(sets);
        String table = AcrossSets.table(series);

        // "other" is in one set only
        assertThat(series).singleElement().satisfies(s -> assertThat(s.sets()).containsExactly("set-a", "set-b", "set-c"));
        assertThat(table).contains("| leak (jdk17) | heap.usedAfterGc | set-a, set-b, set-c | 62 / 60 / 59 |")
                .contains("**far**").contains("1 of 1 series far across the sets.");
    }
}
