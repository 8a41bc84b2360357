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
 * Evidence escalation for heap leaks: once the leak detector reports a MEMORY_LEAK, two class
 * histograms of the live heap some time apart show which classes accumulate. Each histogram
 * stops the application for a full collection, so their number per hour is capped and their
 * total pause is reported with the evidence.
 */
final class LeakEvidenceCollector {

    static final Duration REFRESH = Duration.ofMinutes(10);
    static final int MAX_PER_HOUR = 8;

    private final TwoPointSampler<ClassHistogram, HistogramDiff> histograms;
    private long pauseMillis;

    /** @param window the agent's window: the two histograms are at least three windows (and 30 s) apart */
    LeakEvidenceCollector(Duration window, AgentLog log) {
        this.histograms = new TwoPointSampler<>("class histogram", TwoPointSampler.spacingFor(window), REFRESH,
                MAX_PER_HOUR, this::take, HistogramDiff::between, log);
    }

    private ClassHistogram take() throws Exception {
        ClassHistogram h = ClassHistograms.take();
        pauseMillis += h.elapsedMillis();
        return h;
    }

    /** Takes a histogram if the findings call for one now; returns the heap evidence so far. */
    HeapEvidence update(List<Finding> findings, Instant now) {
        boolean leak = findings.stream().anyMatch(f -> f.kind() == FindingKind.MEMORY_LEAK);
        HistogramDiff diff = histograms.update(leak, now);
        return new HeapEvidence(diff, List.of(), histograms.taken(), pauseMillis);
    }
}
