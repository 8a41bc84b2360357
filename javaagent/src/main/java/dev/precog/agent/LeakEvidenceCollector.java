package dev.precog.agent;

import dev.precog.analyzer.evidence.ClassHistogram;
import dev.precog.analyzer.evidence.HeapEvidence;
import dev.precog.analyzer.evidence.HistogramDiff;
import dev.precog.model.Finding;
import dev.precog.model.FindingKind;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Evidence escalation for heap leaks: nothing costly runs until the leak detector reports a
 * MEMORY_LEAK; then two class histograms of the live heap, some time apart, show which classes
 * accumulate. While the leak persists the pair is refreshed now and then; each histogram stops
 * the application for a full collection, so their number per hour is capped and their cost is
 * reported. Called from the agent's scheduler thread only.
 */
final class LeakEvidenceCollector {

    /** Histograms at most this often while a leak persists. */
    static final Duration REFRESH = Duration.ofMinutes(10);
    private static final int MAX_PER_HOUR = 8;

    private final Duration spacing;
    private final AgentLog log;
    private ClassHistogram first;
    private HistogramDiff diff;
    private int taken;
    private long pauseMillis;
    private Instant hourStart = Instant.EPOCH;
    private int takenThisHour;

    /** @param window the agent's window: the two histograms are at least three windows (and 30 s) apart */
    LeakEvidenceCollector(Duration window, AgentLog log) {
        Duration three = window.multipliedBy(3);
        this.spacing = three.compareTo(Duration.ofSeconds(30)) > 0 ? three : Duration.ofSeconds(30);
        this.log = log;
    }

    /** Takes a histogram if the findings call for one now; returns the evidence so far. */
    HeapEvidence update(List<Finding> findings, Instant now) {
        boolean leak = findings.stream().anyMatch(f -> f.kind() == FindingKind.MEMORY_LEAK);
        if (!leak) {
            first = null;
            diff = null;
            return evidence();
        }
        if (Duration.between(hourStart, now).compareTo(Duration.ofHours(1)) >= 0) {
            hourStart = now;
            takenThisHour = 0;
        }
        ClassHistogram latest = diff == null ? first : diff.second();
        boolean due = latest == null
                || (diff == null && Duration.between(latest.at(), now).compareTo(spacing) >= 0)
                || (diff != null && Duration.between(latest.at(), now).compareTo(REFRESH) >= 0);
        if (due && takenThisHour < MAX_PER_HOUR) {
            ClassHistogram next = takeHistogram();
            if (next != null) {
                if (latest == null) {
                    first = next;
                } else {
                    diff = HistogramDiff.between(latest, next);
                }
            }
        }
        return evidence();
    }

    private ClassHistogram takeHistogram() {
        try {
            ClassHistogram h = ClassHistograms.take();
            taken++;
            takenThisHour++;
            pauseMillis += h.elapsedMillis();
            return h;
        } catch (Exception | LinkageError e) {
            log.error("class histogram not taken", e);
            takenThisHour = MAX_PER_HOUR; // do not retry a failing command every window
            return null;
        }
    }

    private HeapEvidence evidence() {
        return new HeapEvidence(diff, List.of(), taken, pauseMillis);
    }
}
