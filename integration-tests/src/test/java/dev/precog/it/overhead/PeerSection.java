package dev.precog.it.overhead;

import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * Precog against its peer, the OpenTelemetry Java agent with its JFR runtime metrics: the same
 * round-by-round comparisons as the goals, Precog's runs against the peer's. Left out of a page
 * whose runs have no peer.
 */
final class PeerSection {

    private PeerSection() {}

    static void append(StringBuilder md, JdkResults r, List<String> workloads, long seed) {
        if (r.runs().stream().noneMatch(run -> run.variant().equals(Variant.OTEL.label))) {
            return;
        }
        md.append("### Against the OpenTelemetry Java agent\n\nPrecog's runs against the `otel` variant's of the same round"
                + " (start-up: probe by probe), medians with the 95% interval: a negative change in throughput is Precog"
                + " slower, a negative difference in memory or start-up is Precog lighter or quicker.\n\n");
        md.append("| measure | workload | Precog against the OpenTelemetry agent |\n|---|---|---|\n");
        for (String w : workloads) {
            RunComparison c = new RunComparison(r.runs(), w, seed);
            throughput(md, c, "throughput, measured", w, BenchRun::throughput);
            if (c.has(BenchRun::hasColdCompile)) {
                throughput(md, c, "throughput, first compile (cold JVM)", w, BenchRun::coldThroughput);
            }
            if (c.has(run -> Double.isFinite(run.launchToColdThroughput()))) {
                throughput(md, c, "throughput, launch to the end of the first compile", w, BenchRun::launchToColdThroughput);
            }
            PairedEstimate kept = c.difference(Variant.PRECOG, Variant.OTEL, RunComparison::keptBytes);
            md.append("| memory kept (heap after GC + RSS), MB | ").append(w).append(" | ")
                    .append(OverheadPage.mbInterval(kept)).append(" |\n");
        }
        PairedEstimate startup = StartupSection.difference(r.startupRuns(), Variant.PRECOG, Variant.OTEL, StartupRun::toMainMillis,
                seed);
        md.append("| start-up, time to main, ms | start-up probe | ").append(OverheadPage.interval(startup, "%+.0f", 1))
                .append(" |\n\n");
    }

    private static void throughput(StringBuilder md, RunComparison c, String measure, String workload,
            ToDoubleFunction<BenchRun> metric) {
        md.append("| ").append(measure).append(" | ").append(workload).append(" | ")
                .append(OverheadPage.percentChange(c.ratio(Variant.PRECOG, Variant.OTEL, metric))).append(" |\n");
    }
}
