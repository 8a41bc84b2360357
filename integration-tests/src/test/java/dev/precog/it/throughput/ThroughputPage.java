package dev.precog.it.throughput;

import dev.precog.it.overhead.MachineConditions;
import dev.precog.it.overhead.SampleStats;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/** The analyzer-throughput benchmark's results as Markdown: one row per JDK and heap, medians with their range. */
final class ThroughputPage {

    private static final double MB = 1024 * 1024;

    private ThroughputPage() {}

    static String render(String when, String recordingName, long recordingBytes, MachineConditions machine, List<AnalyzeRun> runs) {
        StringBuilder md = new StringBuilder();
        md.append("## Analyzer throughput, ").append(when).append("\n\n");
        md.append(String.format(Locale.ROOT, "`%s`, %,.0f MB, read by `analyze --progress` in a JVM of its own per run; runs interleaved"
                + " over the JDKs and heaps. %d cores (%s); 1-minute load average %.1f at the start, %.1f at the end.%n%n",
                recordingName, recordingBytes / MB, machine.cores(), machine.cpuModel(), machine.loadAverageStart(),
                machine.loadAverageEnd()));
        md.append("Each cell: the median of the runs (lowest–highest). Wall: launch to exit. Analysis: what the CLI's last progress"
                + " line says the read and analysis took (JVM start-up and report writing left out). CPU: user + system, all"
                + " threads. Peak RSS: the process's high-water mark (VmHWM).\n\n");
        md.append("| JDK | heap | runs | wall | MB/s (wall) | analysis | MB/s (analysis) | CPU (user+sys) | peak RSS |\n");
        md.append("|---|---|---|---|---|---|---|---|---|\n");
        for (List<AnalyzeRun> cell : byJdkAndHeap(runs).values()) {
            AnalyzeRun first = cell.get(0);
            md.append("| ").append(first.jdk()).append(" | `-Xmx").append(first.heap()).append("` | ").append(cell.size())
                    .append(" | ").append(cell(cell, AnalyzeRun::wallSeconds, "%.1f s"))
                    .append(" | ").append(cell(cell, r -> recordingBytes / MB / r.wallSeconds(), "%.1f"))
                    .append(" | ").append(cell(cell, AnalyzeRun::readSeconds, "%.1f s"))
                    .append(" | ").append(cell(cell, r -> recordingBytes / MB / r.readSeconds(), "%.1f"))
                    .append(" | ").append(cell(cell, AnalyzeRun::cpuSeconds, "%.1f s"))
                    .append(" | ").append(cell(cell, r -> r.peakRssBytes() / MB, "%.0f MB"))
                    .append(" |\n");
        }
        return md.toString();
    }

    private static Map<String, List<AnalyzeRun>> byJdkAndHeap(List<AnalyzeRun> runs) {
        Map<String, List<AnalyzeRun>> cells = new LinkedHashMap<>();
        for (AnalyzeRun run : runs) {
            cells.computeIfAbsent(run.jdk() + " " + run.heap(), k -> new ArrayList<>()).add(run);
        }
        return cells;
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
        String unit = format.substring(format.lastIndexOf('f') + 1);
        String number = format.substring(0, format.lastIndexOf('f') + 1);
        return median + String.format(Locale.ROOT, " (" + number + "–" + number + unit + ")", s.min(), s.max());
    }
}
