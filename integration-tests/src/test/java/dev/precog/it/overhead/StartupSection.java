package dev.precog.it.overhead;

import java.util.List;
import java.util.function.ToDoubleFunction;

/** The start-up part of the page: time to main and to exit per variant, and the delay against no agent. */
final class StartupSection {

    private StartupSection() {}

    static void append(StringBuilder md, List<StartupRun> all, long seed) {
        List<StartupRun> runs = all.stream().filter(r -> r.note().isEmpty()).toList();
        md.append("### Start-up\n\n`StartupProbe`, a main that prints one line and returns, with `")
                .append(String.join(" ", StartupTimer.FLAGS)).append("`, timed from the benchmark's side: from starting the"
                        + " process to reading that line, and to the process's exit (which includes the JFR dump and the"
                        + " agent's last report). Medians and IQR in ms; the delay is the probe-by-probe difference.\n\n");
        md.append("| variant | probes | time to main | IQR | delay vs none | time to exit | IQR | delay vs none |\n");
        md.append("|---|---|---|---|---|---|---|---|\n");
        for (Variant v : Variant.present(all.stream().map(StartupRun::variant).toList())) {
            md.append("| ").append(v.label).append(" | ").append(of(runs, v).size());
            cells(md, runs, v, StartupRun::toMainMillis, seed);
            cells(md, runs, v, StartupRun::toExitMillis, seed);
            md.append(" |\n");
        }
        long failed = all.size() - runs.size();
        md.append(failed == 0 ? "\n" : "\n" + failed + " probes failed and are left out.\n\n");
    }

    /** The start-up delay of {@code v} against no agent, probe by probe. */
    static PairedEstimate delay(List<StartupRun> all, Variant v, ToDoubleFunction<StartupRun> metric, long seed) {
        return difference(all, v, Variant.NONE, metric, seed);
    }

    /** {@code metric(a) - metric(b)}, probe by probe. */
    static PairedEstimate difference(List<StartupRun> all, Variant a, Variant b, ToDoubleFunction<StartupRun> metric, long seed) {
        List<StartupRun> runs = all.stream().filter(r -> r.note().isEmpty()).toList();
        return PairedEstimate.compare(of(runs, a), of(runs, b), r -> r.round() + "#" + r.index(), metric, (x, y) -> x - y, seed);
    }

    private static void cells(StringBuilder md, List<StartupRun> runs, Variant v, ToDoubleFunction<StartupRun> metric, long seed) {
        SampleStats s = SampleStats.of(of(runs, v).stream().map(r -> metric.applyAsDouble(r)).toList());
        md.append(" | ").append(OverheadPage.f("%.0f", s.median())).append(" | ").append(OverheadPage.f("%.0f", s.q1())).append("–")
                .append(OverheadPage.f("%.0f", s.q3())).append(" | ");
        if (v != Variant.NONE) {
            PairedEstimate d = delay(runs, v, metric, seed);
            md.append(OverheadPage.f("%+.0f", d.median())).append(" (").append(OverheadPage.f("%+.0f", d.low())).append(" to ")
                    .append(OverheadPage.f("%+.0f", d.high())).append(")");
        }
    }

    private static List<StartupRun> of(List<StartupRun> runs, Variant v) {
        return runs.stream().filter(r -> r.variant().equals(v.label)).toList();
    }
}
