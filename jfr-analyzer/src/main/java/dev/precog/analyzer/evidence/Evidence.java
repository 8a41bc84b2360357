package dev.precog.analyzer.evidence;

/**
 * Costly evidence gathered only once a detector has reported a problem, handed back to the
 * detectors: heap histograms or old-object samples for leaks, thread-name and class-loader
 * censuses for thread and metaspace leaks. A part not gathered is null (heap: {@link HeapEvidence#NONE}).
 */
public record Evidence(HeapEvidence heap, CensusDiff threads, CensusDiff classLoaders) {

    public static final Evidence NONE = new Evidence(HeapEvidence.NONE, null, null);

    public Evidence withHeap(HeapEvidence h) {
        return new Evidence(h, threads, classLoaders);
    }

    public Evidence withThreads(CensusDiff t) {
        return new Evidence(heap, t, classLoaders);
    }

    public Evidence withClassLoaders(CensusDiff c) {
        return new Evidence(heap, threads, c);
    }
}
