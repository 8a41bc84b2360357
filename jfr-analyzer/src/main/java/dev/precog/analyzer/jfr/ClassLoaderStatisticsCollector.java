package dev.precog.analyzer.jfr;

import dev.precog.analyzer.evidence.Census;
import dev.precog.analyzer.evidence.CensusDiff;
import dev.precog.analyzer.evidence.LoaderCensus;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;

/**
 * Turns jdk.ClassLoaderStatistics events (one per live class loader, all of them at each chunk's
 * start and end with settings=default) into class-loader censuses, and keeps the first and the
 * latest: their difference names the loader types whose classes grew during the recording.
 * Holds two censuses (a few entries per loader type) and the loader ids of the snapshot being read.
 */
public final class ClassLoaderStatisticsCollector {

    /** Events of one snapshot are written together; a longer pause starts the next snapshot. */
    private static final Duration SNAPSHOT_GAP = Duration.ofMillis(200);
    /** Beyond this many loaders in one snapshot, repeats are no longer tracked and only the gap splits snapshots. */
    private static final int MAX_TRACKED_LOADERS = 200_000;

    private Census first;
    private LoaderCensus current;
    private Instant currentAt;
    private Instant lastEventAt;
    private final Set<Long> currentLoaders = new HashSet<>();
    private int snapshots;

    /** One loader instance of {@code type} (identified by {@code loaderId}) holding {@code classes} at {@code at}. */
    synchronized void add(Instant at, long loaderId, String type, long classes) {
        boolean repeated = currentLoaders.contains(loaderId);
        boolean paused = lastEventAt != null && Duration.between(lastEventAt, at).compareTo(SNAPSHOT_GAP) > 0;
        if (current == null || repeated || paused) {
            if (current != null && first == null) {
                first = current.at(currentAt);
            }
            current = new LoaderCensus();
            currentAt = at;
            currentLoaders.clear();
            snapshots++;
        }
        if (currentLoaders.size() < MAX_TRACKED_LOADERS) {
            currentLoaders.add(loaderId);
        }
        current.add(type, classes);
        lastEventAt = at;
    }

    /** What grew from the first snapshot to the latest; null with fewer than two snapshots. */
    public synchronized CensusDiff diff() {
        return first == null ? null : CensusDiff.between(first, current.at(currentAt));
    }

    /** Snapshots seen so far. */
    public synchronized int snapshots() {
        return snapshots;
    }
}
