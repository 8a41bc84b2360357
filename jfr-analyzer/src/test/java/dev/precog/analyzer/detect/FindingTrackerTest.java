package dev.precog.analyzer.detect;

import static org.assertj.core.api.Assertions.assertThat;

import dev.precog.model.Finding;
import dev.precog.model.FindingKind;
import dev.precog.model.Severity;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FindingTrackerTest {

    private static final Instant T0 = Instant.parse("2025-03-01T12:00:00Z");
    /** Three evaluations of 10 s windows. */
    private static final Duration HALF_A_MINUTE = Duration.ofSeconds(30);

    private static Finding finding(FindingKind kind, String key, Instant detectedAt, Severity severity) {
        return new Finding(key, kind, severity, 0.9, detectedAt, "LINEAR", "summary at " + detectedAt, Map.of(), List.of(),
                List.of());
    }

    private static Finding leak(int evaluation, Severity severity) {
        return finding(FindingKind.MEMORY_LEAK, "heap", at(evaluation), severity);
    }

    private static Instant at(int evaluation) {
        return T0.plusSeconds(10L * evaluation);
    }

    @Test
    void sameProblemKeepsItsIdAndFirstDetectionTime() {
        FindingTracker tracker = new FindingTracker(3, HALF_A_MINUTE);

        Finding first = tracker.track(List.of(leak(0, Severity.INFO)), at(0)).get(0);
        Finding later = tracker.track(List.of(leak(1, Severity.WARNING)), at(1)).get(0);

        assertThat(first.id()).isEqualTo("memory-leak:heap");
        assertThat(later.id()).isEqualTo(first.id());
        assertThat(later.firstDetectedAt()).isEqualTo(at(0));
        // everything else is the current evaluation's
        assertThat(later.lastDetectedAt()).isEqualTo(at(1));
        assertThat(later.severity()).isEqualTo(Severity.WARNING);
    }

    @Test
    void differentKeysAndKindsAreTrackedSeparately() {
        FindingTracker tracker = new FindingTracker(3, HALF_A_MINUTE);
        tracker.track(List.of(leak(0, Severity.INFO)), at(0));

        List<Finding> out = tracker.track(List.of(
                leak(1, Severity.INFO),
                finding(FindingKind.THREAD_LEAK, "heap", at(1), Severity.INFO),
                finding(FindingKind.MEMORY_LEAK, "metaspace", at(1), Severity.INFO)), at(1));

        assertThat(out).extracting(Finding::id)
                .containsExactly("memory-leak:heap", "thread-leak:heap", "memory-leak:metaspace");
        assertThat(out).extracting(Finding::firstDetectedAt).containsExactly(at(0), at(1), at(1));
    }

    @Test
    void aProblemMissedBrieflyIsStillReportedAsLastFound() {
        FindingTracker tracker = new FindingTracker(3, HALF_A_MINUTE);
        tracker.track(List.of(leak(0, Severity.INFO)), at(0));
        tracker.track(List.of(leak(1, Severity.WARNING)), at(1));

        List<Finding> missed = tracker.track(List.of(), at(2));
        List<Finding> missedAgain = tracker.track(List.of(), at(3));
        Finding back = tracker.track(List.of(leak(4, Severity.WARNING)), at(4)).get(0);

        assertThat(missed).singleElement().satisfies(f -> {
            assertThat(f.id()).isEqualTo("memory-leak:heap");
            assertThat(f.firstDetectedAt()).isEqualTo(at(0));
            assertThat(f.lastDetectedAt()).isEqualTo(at(1));
            assertThat(f.severity()).isEqualTo(Severity.WARNING);
            assertThat(f.summary()).isEqualTo("summary at " + at(1));
        });
        assertThat(missedAgain).containsExactlyElementsOf(missed);
        assertThat(back.firstDetectedAt()).isEqualTo(at(0));
        assertThat(back.lastDetectedAt()).isEqualTo(at(4));
    }

    @Test
    void aTentativeFindingIsReportedOnlyWhileFoundButKeepsItsIdentity() {
        FindingTracker tracker = new FindingTracker(3, HALF_A_MINUTE);
        tracker.track(List.of(leak(0, Severity.INFO)), at(0));

        assertThat(tracker.track(List.of(), at(1))).as("an INFO finding missed").isEmpty();
        Finding back = tracker.track(List.of(leak(2, Severity.WARNING)), at(2)).get(0);

        assertThat(back.firstDetectedAt()).isEqualTo(at(0));
        assertThat(tracker.track(List.of(), at(3))).as("a WARNING one missed").singleElement()
                .extracting(Finding::lastDetectedAt).isEqualTo(at(2));
    }

    @Test
    void aProblemMissedForgetAfterTimesAndForTheTimeIsForgottenAndNewWhenItReturns() {
        FindingTracker tracker = new FindingTracker(3, HALF_A_MINUTE);
        tracker.track(List.of(leak(0, Severity.WARNING)), at(0));
        tracker.track(List.of(), at(1));
        tracker.track(List.of(), at(2));

        assertThat(tracker.track(List.of(), at(3))).as("missed three times, for 30 s").isEmpty();
        Finding back = tracker.track(List.of(leak(4, Severity.INFO)), at(4)).get(0);

        assertThat(back.id()).isEqualTo("memory-leak:heap");
        assertThat(back.firstDetectedAt()).isEqualTo(at(4));
    }

    @Test
    void withOneSecondWindowsAProblemIsHeldForTheTimeNotForThreeEvaluations() {
        FindingTracker tracker = new FindingTracker(3, HALF_A_MINUTE);
        tracker.track(List.of(leak(0, Severity.WARNING)), T0);

        for (int second = 1; second < 30; second++) {
            assertThat(tracker.track(List.of(), T0.plusSeconds(second))).as("%d s after", second).hasSize(1);
        }
        assertThat(tracker.track(List.of(), T0.plusSeconds(30))).isEmpty();
    }

    @Test
    void withTenMinuteWindowsAProblemIsHeldForThreeEvaluationsNotForTheTime() {
        FindingTracker tracker = new FindingTracker(3, HALF_A_MINUTE);
        Duration window = Duration.ofMinutes(10);
        tracker.track(List.of(leak(0, Severity.CRITICAL)), T0);

        assertThat(tracker.track(List.of(), T0.plus(window))).hasSize(1);
        assertThat(tracker.track(List.of(), T0.plus(window.multipliedBy(2)))).hasSize(1);
        assertThat(tracker.track(List.of(), T0.plus(window.multipliedBy(3)))).isEmpty();
    }

    @Test
    void seeingAProblemAgainResetsItsMissCount() {
        FindingTracker tracker = new FindingTracker(2, Duration.ZERO);
        tracker.track(List.of(leak(0, Severity.INFO)), at(0));
        tracker.track(List.of(), at(1)); // one miss
        tracker.track(List.of(leak(2, Severity.INFO)), at(2)); // seen: misses start again
        tracker.track(List.of(), at(3)); // one miss

        assertThat(tracker.track(List.of(leak(4, Severity.INFO)), at(4)).get(0).firstDetectedAt()).isEqualTo(at(0));
    }
}
