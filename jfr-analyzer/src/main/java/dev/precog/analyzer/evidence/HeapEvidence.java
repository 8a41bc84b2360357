package dev.precog.analyzer.evidence;

import java.util.List;

/**
 * Costly heap evidence gathered once a leak is suspected, handed to the detectors: the latest
 * class-histogram diff (live), or the classes of objects JFR's old-object sampler found still
 * alive (offline), with what gathering it cost.
 *
 * @param diff the latest histogram diff, null until two histograms exist
 * @param oldObjects classes of sampled objects still alive at the end of a recording, most first
 * @param histogramsTaken histograms taken so far
 * @param pauseMillis total time the application was stopped for them
 */
public record HeapEvidence(HistogramDiff diff, List<OldObjectClass> oldObjects, int histogramsTaken, long pauseMillis) {

    public static final HeapEvidence NONE = new HeapEvidence(null, List.of(), 0, 0);

    public HeapEvidence {
        oldObjects = List.copyOf(oldObjects);
    }

    /**
     * A class whose sampled objects JFR found still alive, and the first application frame of
     * their allocation stacks (who created them).
     */
    public record OldObjectClass(String className, long samples, String allocatedBy, List<String> stackTop) {}
}
