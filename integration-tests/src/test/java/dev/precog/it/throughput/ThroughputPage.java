package dev.precog.it.throughput;

import dev.precog.it.overhead.MachineConditions;
import dev.precog.it.overhead.SampleStats;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;

/** The analyzer-throughput benchmark's results as Markdown: per recording, a row per JDK and heap, medians with their range. */
final class ThroughputPage {

    private static final double MB = 1024 * 1024;

    private ThroughputPage() {}

    static String render(String when, String command, MachineConditions machine, List<AnalyzeRun> runs) {
        StringBuilder md = new StringBuilder();
        md.append("## Analyzer throughput, ").append(when).append("\n\n");
        md.append("Made by `").append(command).append("` (docs/benchmarks.md, \"Analyzer throughput\"). Each recording read by `analyze"
                + " --progress` in a JVM of its own per run; runs interleaved over the recordings, JDKs and heaps, round by round.");
        md.append(String.format(Locale.ROOT, " %d cores (%s); 1-minute load average %.1f at the start, %.1f at the end.%n%n",
                machine.cores(), machine.cpuModel(), machine.loadAverageStart(), machine.loadAverageEnd()));
        md.append("Each cell: the median of the runs (lowest–highest). Wall: launch to exit. Analysis: what the CLI's last progress"
                + " line says the read and analysis took (JVM start-up and report writing left out). CPU: user + system, all"
                + " threads. Peak RSS: the process's high-water mark (VmHWM).\n");
        for (List<AnalyzeRun> ofRecording : groups(runs, AnalyzeRun::recording).values()) {
            AnalyzeRun any = ofRecording.get(0);
            double mb = any.recordingBytes() / MB;
            md.append(String.format(Locale.ROOT, "%n### `%s`, %,.0f MB%n%n", any.recording(), mb));
            ofRecording.stream().map(AnalyzeRun::analysed).filter(a -> !a.isEmpty()).findFirst()
                    .ifPresent(a -> md.append("What the CLI said of it: ").append(a).append(".\n\n"));
            md.append("| JDK | heap | runs | wall | MB/s (wall) | analysis | MB/s (analysis) | CPU (user+sys) | peak RSS |\n");
            md.append("|---|---|---|---|---|---|---|---|---|\n");
            for (List<AnalyzeRun> cell : groups(ofRecording, r -> r.jdk() + " " + r.heap()).values()) {
                AnalyzeRun first = cell.get(0);
                md.append("| ").append(first.jdk()).append(" | `-Xmx").append(first.heap()).append("` | ").append(cell.size())
                        .append(" | ").append(cell(cell, AnalyzeRun::wallSeconds, "%.1f s"))
                        .append(" | ").append(cell(cell, r -> mb / r.wallSeconds(), "%.2f"))
                        .append(" | ").append(cell(cell, AnalyzeRun::readSeconds, "%.1f s"))
                        .append(" | ").append(cell(cell, r -> mb / r.readSeconds(), "%.2f"))
                        .append(" | ").append(cell(cell, AnalyzeRun::cpuSeconds, "%.1f s"))
                        .append(" | ").append(cell(cell, r -> r.peakRssBytes() > 0 ? r.peakRssBytes() / MB : Double.NaN, "%.0f MB"))
                        .append(" |\n");
            }
        }
        return md.toString();
    }

    private static Map<String, List<AnalyzeRun>> groups(List<AnalyzeRun> runs, Function<AnalyzeRun, String> key) {
        Map<String, List<AnalyzeRun>> groups = new LinkedHashMap<>();
        for (AnalyzeRun run : runs) {
            groups.computeIfAbsent(key.apply(run), k -> new ArrayList<>()).add(run);
        }
        return groups;
    }

    /** {@code 22.2 s (21.9–23.0 s)}; n/a when no run has the value. */
    private static String cell(List<AnalyzeRun> cell, ToDoubleFunction<AnalyzeRun> value, String format) {
        SampleStats s = SampleStats.of(cell.stream().map(value::applyAsDouble).toList());
        if (s.n() == 0) {
            return "n/a";
        }
        String median = String.format(Locale.ROOT, format, s.median());
        if (s.n() == 1) {
            return median;
        }
        String number = format.substring(0, format.lastIndexOf('f') + 1);
        String unit = format.substring(format.lastIndexOf('f') + 1);
        return median + String.format(Locale.ROOT, " (" + number + "–" + number + unit + ")", s.min(), s.max());
    }
}
