package dev.precog.analyzer.detect;

import static dev.precog.analyzer.detect.SyntheticHeap.MB;
import static org.assertj.core.api.Assertions.assertThat;

import dev.precog.analyzer.timeline.Series;
import dev.precog.model.Finding;
import dev.precog.model.Severity;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Leak shapes over 10-second windows, through the whole detector: each must still be reported
 * as a leak, with the pattern an operator would see in the chart.
 */
class LeakPatternTest {

    private static Finding leak(SyntheticHeap heap) {
        List<Finding> findings = new MemoryLeakDetector().detect(heap.oldGcEvery(6).context());
        assertThat(findings).as("still a leak").hasSize(1);
        assertThat(findings.get(0).severity()).isIn(Severity.WARNING, Severity.CRITICAL);
        return findings.get(0);
    }

    @Test
    void steadyGrowthWithNoiseIsLinear() {
        for (long seed = 1; seed <= 5; seed++) {
            Finding f = leak(SyntheticHeap.windows(90).liveSet(i -> 100 * MB + 0.4 * MB * i).noise(MB, seed));
            assertThat(f.pattern()).as("seed " + seed).isEqualTo("LINEAR");
        }
    }

    @Test
    void steadyGrowthSeenOnlyAtIrregularCollectionsIsLinear() {
        // after-GC values exist only for windows with a collection: gaps of 1 to 6 seconds
        Random random = new Random(42);
        int n = 80;
        double[] times = new double[n];
        double[] values = new double[n];
        for (int i = 1; i < n; i++) {
            times[i] = times[i - 1] + 1 + random.nextInt(6);
        }
        for (int i = 0; i < n; i++) {
            values[i] = 100 * MB + 0.2 * MB * times[i] + random.nextDouble() * 0.3 * MB;
        }
        Series series = new Series(times, values);

        LeakPattern pattern = SeriesTrend.of(series).pattern();

        assertThat(pattern.name()).as(pattern.reason()).isEqualTo("LINEAR");
    }

    @Test
    void aNightlyImportKeepingItsResultsIsAStaircase() {
        // every 15 windows (2.5 minutes) 12 MB more stays; flat in between
        Finding f = leak(SyntheticHeap.windows(90).liveSet(i -> 100 * MB + 12 * MB * (i / 15)).noise(0.5 * MB, 3));

        assertThat(f.pattern()).isEqualTo("STAIRCASE");
        assertThat(f.summary()).startsWith("Heap live set grows in steps,");
        assertThat((String) f.evidence().get("patternReason")).matches("\\d+ steps carry \\d+% of the rise.*");
    }

    @Test
    void growthThatFeedsOnItselfIsExponential() {
        // a retry queue whose backlog doubles every 5 minutes (30 windows)
        Finding f = leak(SyntheticHeap.windows(90).liveSet(i -> 100 * MB + 4 * MB * Math.pow(2, i / 30.0)).noise(0.5 * MB, 5));

        assertThat(f.pattern()).isEqualTo("EXPONENTIAL");
        assertThat((String) f.evidence().get("patternReason")).contains("accelerates");
    }

    @Test
    void batchesLeavingAResidueArePeriodic() {
        // a 12-window batch cycle swinging 6 MB around a 0.5 MB-per-window rise
        Finding f = leak(SyntheticHeap.windows(96)
                .liveSet(i -> 100 * MB + 0.5 * MB * i + 6 * MB * Math.sin(2 * Math.PI * i / 12))
                .noise(0.3 * MB, 7));

        assertThat(f.pattern()).isEqualTo("PERIODIC");
        assertThat((String) f.evidence().get("patternReason")).contains("cycle of about 120 s");
    }

    @Test
    void aSteepExponentialIsNotMistakenForSteps() {
        // doubling every 15 windows: the last increments are several times the mean slope
        Finding f = leak(SyntheticHeap.windows(90).liveSet(i -> 60 * MB + 0.5 * MB * Math.pow(2, i / 15.0)).noise(0.2 * MB, 9));

        assertThat(f.pattern()).isEqualTo("EXPONENTIAL");
    }

    @Test
    void anExponentialThatOctuplesItsRateIsStillALeak() {
        // doubling every 10 windows over 90: the first third adds under 5% of the whole rise
        Finding f = leak(SyntheticHeap.windows(90).liveSet(i -> 60 * MB + 0.2 * MB * Math.pow(2, i / 10.0)).noise(0.1 * MB, 2));

        assertThat(f.pattern()).isEqualTo("EXPONENTIAL");
    }

    @Test
    void batchesHoldingDataThenReleasingAllButAResidueArePeriodicNotAStaircase() {
        // every 12 windows a batch holds 8 MB for 6 windows, then keeps 3 MB of it for good
        Finding f = leak(SyntheticHeap.windows(120)
                .liveSet(i -> 100 * MB + 3 * MB * (i / 12) + (i % 12 < 6 ? 8 * MB : 0))
                .noise(0.3 * MB, 4));

        assertThat(f.pattern()).as((String) f.evidence().get("patternReason")).isEqualTo("PERIODIC");
        assertThat((String) f.evidence().get("patternReason")).contains("cycle of about 120 s");
    }

    @Test
    void batchesSeenOnlyAtIrregularCollectionsArePeriodic() {
        // a 12 s batch holding 40 MB for half its cycle and keeping 1 MB, seen at collections 1 to 4 s apart:
        // a fixed lag in points is no fixed lag in seconds, so the cycle must be found in time
        Random random = new Random(11);
        int n = 60;
        double[] times = new double[n];
        double[] values = new double[n];
        for (int i = 1; i < n; i++) {
            times[i] = times[i - 1] + 1 + random.nextInt(4);
        }
        for (int i = 0; i < n; i++) {
            double phase = times[i] % 12;
            values[i] = 10 * MB + MB * Math.floor(times[i] / 12) + (phase < 6 ? 40 * MB : 0) + random.nextGaussian() * 2 * MB;
        }

        LeakPattern pattern = SeriesTrend.of(new Series(times, values)).pattern();

        assertThat(pattern.name()).as(pattern.reason()).isEqualTo("PERIODIC");
        assertThat(pattern.reason()).startsWith("a cycle of about 12 s around the trend");
    }

    @Test
    void growthWithWanderingNoiseIsNotACycle() {
        // noise that keeps most of its last value (red noise) drifts in slow waves that a sine fits up to a
        // third of; they are not a cycle
        for (long seed = 1; seed <= 20; seed++) {
            Random random = new Random(seed);
            int n = 80;
            double[] times = new double[n];
            double[] values = new double[n];
            double wander = 0;
            for (int i = 0; i < n; i++) {
                times[i] = i == 0 ? 0 : times[i - 1] + 1 + random.nextInt(3);
                wander = 0.85 * wander + random.nextGaussian() * MB;
                values[i] = 100 * MB + 0.05 * MB * times[i] + wander;
            }

            LeakPattern pattern = SeriesTrend.of(new Series(times, values)).pattern();

            assertThat(pattern.name()).as("seed " + seed + ": " + pattern.reason()).isNotEqualTo("PERIODIC");
        }
    }

    @Test
    void aShortHistoryIsLinearForWantOfEvidence() {
        // steps of 12 MB every third window, but only 14 analysed points
        Finding f = leak(SyntheticHeap.windows(16).liveSet(i -> 100 * MB + 12 * MB * (i / 3)).noise(0.2 * MB, 3));

        assertThat(f.pattern()).isEqualTo("LINEAR");
        assertThat((String) f.evidence().get("patternReason")).startsWith("too few points");
    }
}
