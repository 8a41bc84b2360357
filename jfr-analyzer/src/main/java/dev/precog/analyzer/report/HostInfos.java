package dev.precog.analyzer.report;

import dev.precog.analyzer.timeline.Timeline;
import dev.precog.model.HostInfo;
import dev.precog.model.Metric;
import java.util.OptionalDouble;

/** The report's host section from the latest host readings in the timeline. */
public final class HostInfos {

    private HostInfos() {}

    public static HostInfo latest(Timeline timeline, String source) {
        return new HostInfo(
                source,
                ratio(timeline.latest(Metric.HOST_CPU)),
                whole(timeline.latest(Metric.HOST_MEMORY_TOTAL)),
                whole(timeline.latest(Metric.HOST_MEMORY_AVAILABLE)),
                whole(timeline.latest(Metric.HOST_SWAP_TOTAL)),
                whole(timeline.latest(Metric.HOST_SWAP_USED)),
                whole(timeline.latest(Metric.PROCESS_RSS)),
                whole(timeline.latest(Metric.PROCESS_THREADS)),
                whole(timeline.latest(Metric.PROCESS_OPEN_FILES)));
    }

    private static Double ratio(OptionalDouble v) {
        return v.isPresent() ? Format.round(v.getAsDouble(), 4) : null;
    }

    private static Long whole(OptionalDouble v) {
        return v.isPresent() ? Math.round(v.getAsDouble()) : null;
    }
}
