package dev.precog.it.overhead;

import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * Precog against each of its peers that ran (the OpenTelemetry Java agent with its JFR runtime
 * metrics, async-profiler as a continuous profiler): the same round-by-round comparisons as the
 * goals, Precog's runs against the peer's. A peer without runs gets no section.
 */
final class PeerSection {

    private PeerSection() {}

    static void append(StringBuilder md, JdkResults r, List<String> workloads, long seed) {
        List<Variant> peers = Variant.peers(Variant.present(r.runs().stream().map(BenchRun::variant).toList()));
        for (Variant peer : peers) {
            append(md, r, workloads, seed, peer);
        }
    }

    private static void append(StringBuilder md, JdkResults r, List<String> workloads, long seed, Variant peer) {
        md.append("### Against ").append(peer.peer).append("\n\nPrecog's runs against the `").append(peer.label)
                .append("` variant's of the same round (start-up: probe by probe), medians with the 95% interval: a negative"
                        + " change in throughput is Precog slower, a negative difference in memory or start-up is Precog lighter"
                        + " or quicker.\n\n");
        md.append("| measure | workload | Precog against ").append(peer.peer).append(" |\n|---|---|---|\n");
        for (String w : workloads) {
            RunComparison c = new RunComparison(r.runs(), w, seed);
            throughput(md, c, peer, "throughput, measured", w, BenchRun::throughput);
            if (c.has(BenchRun::hasColdCompile)) {
                throughput(md, c, peer, "throughput, first compile (cold JVM)", w, BenchRun::coldThroughput);
            }
            if (c.has(run -> Double.isFinite(run.launchToColdThroughput()))) {
                throughput(md, c, peer, "throughput, launch to the end of the first compile", w, BenchRun::launchToColdThroughput);
            }
            PairedEstimate kept = c.difference(Variant.PRECOG, peer, RunComparison::keptBytes);
            md.append("| memory kept (heap after GC + RSS), MB | ").append(w).append(" | ")
                    .append(OverheadPage.mbInterval(kept)).append(" |\n");
        }
        PairedEstimate startup = StartupSection.difference(r.startupRuns(), Variant.PRECOG, peer, StartupRun::toMainMillis, seed);
        md.append("| start-up, time to main, ms | start-up probe | ").append(OverheadPage.interval(startup, "%+.0f", 1))
                .append(" |\n\n");
    }

    private static void throughput(StringBuilder md, RunComparison c, Variant peer, String measure, String workload,
            ToDoubleFunction<BenchRun> metric) {
        md.append("| ").append(measure).append(" | ").append(workload).append(" | ")
                .append(OverheadPage.percentChange(c.ratio(Variant.PRECOG, peer, metric))).append(" |\n");
    }
}
