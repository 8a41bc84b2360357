package dev.precog.analyzer.detect;

import static org.assertj.core.api.Assertions.assertThat;

import dev.precog.model.Finding;
import dev.precog.model.FindingKind;
import dev.precog.model.Severity;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FindingTrackerTest {

    private static final Instant T0 = Instant.parse("2025-03-01T12:00:00Z");

    private static Finding finding(FindingKind kind, String key, Instant detectedAt, Severity severity) {
        return new Finding(key, kind, severity, 0.9, detectedAt, "LINEAR", "summary", Map.of(), List.of(), List.of());
    }

    private static Instant at(int evaluation) {
        return T0.plusSeconds(10L * evaluation);
    }

    @Test
    void sameProblemKeepsItsIdAndFirstDetectionTime() {
        FindingTracker tracker = new FindingTracker(3);

        Finding first = tracker.track(List.of(finding(FindingKind.MEMORY_LEAK, "heap", at(0), Severity.INFO)), at(0)).get(0);
        Finding later = tracker.track(List.of(finding(FindingKind.MEMORY_LEAK, "heap", at(1), Severity.WARNING)), at(1)).get(0);

        assertThat(first.id()).isEqualTo("memory-leak:heap");
        assertThat(later.id()).isEqualTo(first.id());
        assertThat(later.firstDetectedAt()).isEqualTo(at(0));
        // everything else is the current evaluation's
        assertThat(later.severity()).isEqualTo(Severity.WARNING);
    }

    @Test
    void differentKeysAndKindsAreTrackedSeparately() {
        FindingTracker tracker = new FindingTracker(3);
        tracker.track(List.of(finding(FindingKind.MEMORY_LEAK, "heap", at(0), Severity.INFO)), at(0));

        List<Finding> out = tracker.track(List.of(
                finding(FindingKind.MEMORY_LEAK, "heap", at(1), Severity.INFO),
                finding(FindingKind.THREAD_LEAK, "heap", at(1), Severity.INFO),
                finding(FindingKind.MEMORY_LEAK, "metaspace", at(1), Severity.INFO)), at(1));

        assertThat(out).extracting(Finding::id)
                .containsExactly("memory-leak:heap", "thread-leak:heap", "memory-leak:metaspace");
        assertThat(out).extracting(Finding::firstDetectedAt).containsExactly(at(0), at(1), at(1));
    }

    @Test
    void problemMissedFewerThanForgetAfterTimesKeepsItsIdentity() {
        FindingTracker tracker = new FindingTracker(3);
        tracker.track(List.of(finding(FindingKind.MEMORY_LEAK, "heap", at(0), Severity.INFO)), at(0));
        tracker.track(List.of(), at(1));
        tracker.track(List.of(), at(2));

        Finding back = tracker.track(List.of(finding(FindingKind.MEMORY_LEAK, "heap", at(3), Severity.INFO)), at(3)).get(0);

        assertThat(back.firstDetectedAt()).isEqualTo(at(0));
    }

    @Test
    void problemMissedForgetAfterTimesInARowIsForgottenAndGetsANewFirstDetection() {
        FindingTracker tracker = new FindingTracker(3);
        tracker.track(List.of(finding(FindingKind.MEMORY_LEAK, "heap", at(0), Severity.INFO)), at(0));
        tracker.track(List.of(), at(1));
        tracker.track(List.of(), at(2));
        tracker.track(List.of(), at(3));

        Finding back = tracker.track(List.of(finding(FindingKind.MEMORY_LEAK, "heap", at(4), Severity.INFO)), at(4)).get(0);

        assertThat(back.id()).isEqualTo("memory-leak:heap");
        assertThat(back.firstDetectedAt()).isEqualTo(at(4));
    }

    @Test
    void seeingAProblemAgainResetsItsMissCount() {
        FindingTracker tracker = new FindingTracker(2);
        Finding heap = finding(FindingKind.MEMORY_LEAK, "heap", at(0), Severity.INFO);
        tracker.track(List.of(heap), at(0));
        tracker.track(List.of(), at(1)); // one miss
        tracker.track(List.of(heap), at(2)); // seen: misses start again
        tracker.track(List.of(), at(3)); // one miss

        assertThat(tracker.track(List.of(heap), at(4)).get(0).firstDetectedAt()).isEqualTo(at(0));
    }
}
