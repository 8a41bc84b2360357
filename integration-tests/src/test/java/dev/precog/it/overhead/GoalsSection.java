package dev.precog.it.overhead;

import java.util.List;

/** The goals part of the page: each goal of the issue against what this JDK's runs measured. */
final class GoalsSection {

    private static final double MB = 1024.0 * 1024;

    private GoalsSection() {}

    static void append(StringBuilder md, JdkResults r, List<String> workloads, long seed) {
        md.append("### Goals\n\nCosts as the median round-by-round difference, with the 95% interval.\n\n");
        md.append("| goal | workload | measured | verdict |\n|---|---|---|---|\n");
        for (String w : workloads) {
            RunComparison c = new RunComparison(r.runs(), w, seed);
            throughputRow(md, Goal.THROUGHPUT_VS_NONE, w, c.ratio(Variant.PRECOG, Variant.NONE, BenchRun::throughput));
            throughputRow(md, Goal.THROUGHPUT_VS_JFR, w, c.ratio(Variant.PRECOG, Variant.JFR, BenchRun::throughput));
            if (c.has(BenchRun::hasColdCompile)) {
                // a job of seconds in a cold JVM pays the agent's start-up in its throughput: shown beside, never hidden
                String cold = w + ", first compile (cold JVM)";
                throughputRow(md, Goal.THROUGHPUT_VS_NONE, cold, c.ratio(Variant.PRECOG, Variant.NONE, BenchRun::coldThroughput));
                throughputRow(md, Goal.THROUGHPUT_VS_JFR, cold, c.ratio(Variant.PRECOG, Variant.JFR, BenchRun::coldThroughput));
            }
            if (c.has(run -> Double.isFinite(run.launchToColdThroughput()))) {
                // plain JFR starts before main and the agent mostly after: from the launch both are paid
                String job = w + ", launch to the end of the first compile (a forked javac)";
                throughputRow(md, Goal.THROUGHPUT_VS_NONE, job, c.ratio(Variant.PRECOG, Variant.NONE, BenchRun::launchToColdThroughput));
                throughputRow(md, Goal.THROUGHPUT_VS_JFR, job, c.ratio(Variant.PRECOG, Variant.JFR, BenchRun::launchToColdThroughput));
            }
        }
        for (String w : workloads) {
            PairedEstimate d = new RunComparison(r.runs(), w, seed).difference(Variant.PRECOG, Variant.NONE, RunComparison::keptBytes);
            row(md, Goal.MEMORY, w, d.median() / MB, d.low() / MB, d.high() / MB);
        }
        PairedEstimate startup = StartupSection.delay(r.startupRuns(), Variant.PRECOG, StartupRun::toMainMillis, seed);
        row(md, Goal.STARTUP, "start-up probe (time to main)", startup.median(), startup.low(), startup.high());
        md.append("\n");
    }

    /** A throughput ratio as a cost: the share of throughput lost, in percent. */
    private static void throughputRow(StringBuilder md, Goal goal, String workload, PairedEstimate ratio) {
        row(md, goal, workload, (1 - ratio.median()) * 100, (1 - ratio.high()) * 100, (1 - ratio.low()) * 100);
    }

    private static void row(StringBuilder md, Goal goal, String workload, double median, double low, double high) {
        md.append("| ").append(goal.name()).append(" | ").append(workload).append(" | ")
                .append(goal.format(median)).append(" (").append(goal.format(low)).append(" to ").append(goal.format(high))
                .append(") | ").append(goal.verdict(median, low, high)).append(" |\n");
    }
}
