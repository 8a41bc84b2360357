package dev.precog.analyzer.report;

import dev.precog.model.AgentStats;
import dev.precog.model.Finding;
import dev.precog.model.Forecast;
import dev.precog.model.HeapDumpSuggestion;
import dev.precog.model.HostInfo;
import dev.precog.model.JvmInfo;
import dev.precog.model.Report;
import dev.precog.model.Suggestion;
import dev.precog.model.Suspect;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The report as one self-contained HTML page for a person: findings worst first with their
 * suspects and commands, each forecast with a chart of its bands, the heap-dump advice and the
 * agent's own cost. No script and nothing fetched, so it opens from a file on a locked-down host;
 * the JSON report stays the contract for tools, and this page only reads the same {@link Report}.
 */
public final class ReportHtml {

    private static final String STYLE = """
            body{font:14px/1.45 system-ui,sans-serif;margin:1.5em auto;max-width:72em;padding:0 1em;color:#1d1d1f}
            h1{font-size:1.5em;margin-bottom:.2em}h2{margin-top:1.6em;border-bottom:1px solid #ddd}
            table{border-collapse:collapse;margin:.4em 0}th,td{text-align:left;vertical-align:top;padding:.2em .6em}
            th{font-weight:600;color:#444}table.grid td,table.grid th{border:1px solid #ddd}
            table.nested{margin:0}table.nested th,table.nested td{padding:0 .4em 0 0;border:none}
            ul{margin:0;padding-left:1.2em}code{background:#f3f3f3;padding:.1em .3em;word-break:break-all}
            .finding{border-left:6px solid #999;padding:.2em 1em;margin:1em 0;background:#fafafa}
            .CRITICAL{border-color:#c62828}.WARNING{border-color:#ef6c00}.INFO{border-color:#1565c0}
            .sev{font-weight:700}.muted{color:#666}td.metric code{white-space:nowrap;word-break:normal}
            svg.chart{background:#fff;border:1px solid #ddd}.band95{fill:#bbdefb}.band80{fill:#64b5f6}
            .point{fill:none;stroke:#0d47a1;stroke-width:1.5}.threshold{stroke:#c62828;stroke-dasharray:4 3}
            """;

    private ReportHtml() {}

    public static String toHtml(Report report) {
        StringBuilder out = new StringBuilder(32 * 1024);
        Html h = new Html(out);
        JvmInfo jvm = report.jvm();
        h.raw("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
                .raw("<meta name=\"generator\" content=\"Precog\"><title>").text("Precog report: "
                        + (jvm.mainClass() == null ? "JVM" : jvm.mainClass()) + (jvm.pid() == null ? "" : " (" + jvm.pid() + ")"))
                .raw("</title><style>").raw(STYLE).raw("</style></head><body>\n");
        header(h, report);
        findings(h, report.findings(), report.analysis() == null ? null : report.analysis().to());
        forecasts(h, report);
        heapDump(h, report.heapDumpSuggestion());
        host(h, report.host());
        agent(h, report.agent());
        h.raw("<p class=\"muted\">Schema ").text(report.schemaVersion())
                .raw(" · the JSON report beside this page holds every field.</p>\n</body></html>\n");
        return out.toString();
    }

    private static void header(Html h, Report report) {
        JvmInfo jvm = report.jvm();
        Report.Analysis a = report.analysis();
        h.element("h1", "Precog report" + (jvm.mainClass() == null ? "" : ": " + jvm.mainClass()));
        h.raw("<p class=\"muted\">Generated ").text(report.generatedAt()).raw("</p>\n<table>");
        h.row("JVM", "pid " + (jvm.pid() == null ? "unknown" : jvm.pid()) + ", Java " + orUnknown(jvm.javaVersion())
                + ", " + orUnknown(jvm.gc()) + ", max heap " + (jvm.heapMaxBytes() == null ? "unknown" : Format.bytes(jvm.heapMaxBytes())));
        if (a != null) {
            h.row("Analysed", a.windows() + " windows of " + Format.duration(a.windowSeconds()) + ", " + a.from() + " to " + a.to()
                    + " (" + a.source() + ")");
            for (String note : a.notes()) {
                h.row("Note", note);
            }
        }
        h.raw("</table>\n");
    }

    private static void findings(Html h, List<Finding> findings, Instant analysedTo) {
        h.element("h2", "Findings (" + findings.size() + ")");
        if (findings.isEmpty()) {
            h.element("p", "No problem found.");
            return;
        }
        List<Finding> worstFirst = findings.stream()
                .sorted(Comparator.comparing(Finding::severity).reversed().thenComparing(Comparator.comparingDouble(Finding::confidence).reversed()))
                .toList();
        for (Finding f : worstFirst) {
            h.raw("<div class=\"finding " + f.severity().name() + "\" id=\"").text(f.id()).raw("\">");
            h.raw("<h3><span class=\"sev\">").text(f.severity()).raw("</span> ").text(f.kind())
                    .text(f.pattern() == null ? "" : " (" + f.pattern() + ")").raw("</h3>");
            h.element("p", f.summary());
            h.raw("<p class=\"muted\">").text(String.format(Locale.ROOT, "confidence %.2f · first detected %s · id %s",
                    f.confidence(), f.firstDetectedAt(), f.id()));
            if (analysedTo != null && f.lastDetectedAt() != null && f.lastDetectedAt().isBefore(analysedTo)) {
                h.text(" · held: not found since " + f.lastDetectedAt() + ", shown as it was then so an alert does not flap");
            }
            h.raw("</p>");
            suspects(h, f.suspects());
            suggestions(h, f.suggestions());
            evidence(h, f.evidence());
            h.raw("</div>\n");
        }
    }

    private static void suspects(Html h, List<Suspect> suspects) {
        if (suspects.isEmpty()) {
            return;
        }
        h.raw("<h4>Suspects</h4><table class=\"grid\"><tr><th>class</th><th>why</th><th>share</th><th>grew by</th><th>from</th></tr>");
        for (Suspect s : suspects) {
            h.raw("<tr><td><code>").text(s.className()).raw("</code>");
            if (s.detail() != null) {
                h.raw("<br><span class=\"muted\">").text(s.detail()).raw("</span>");
            }
            h.raw("</td><td>").text(s.basis()).raw("</td><td>").text(s.share() == null ? null : Format.percent(s.share()))
                    .raw("</td><td>").text(growth(s)).raw("</td><td>");
            for (String frame : s.stackTop()) {
                h.raw("<code>").text(frame).raw("</code><br>");
            }
            h.raw("</td></tr>");
        }
        h.raw("</table>\n");
    }

    private static String growth(Suspect s) {
        if (s.growthBytes() == null && s.growthInstances() == null) {
            return null;
        }
        String bytes = s.growthBytes() == null ? "" : Format.bytes(s.growthBytes());
        String count = s.growthInstances() == null ? "" : s.growthInstances() + " instances";
        return bytes.isEmpty() || count.isEmpty() ? bytes + count : bytes + " (" + count + ")";
    }

    private static void suggestions(Html h, List<Suggestion> suggestions) {
        if (suggestions.isEmpty()) {
            return;
        }
        h.raw("<h4>What to do</h4><ul>");
        for (Suggestion s : suggestions) {
            h.raw("<li>").text(s.action());
            if (s.command() != null) {
                h.raw("<br><code>").text(s.command()).raw("</code>");
            }
            if (s.rationale() != null) {
                h.raw("<br><span class=\"muted\">").text(s.rationale()).raw("</span>");
            }
            h.raw("</li>");
        }
        h.raw("</ul>\n");
    }

    private static void evidence(Html h, Map<String, Object> evidence) {
        if (evidence.isEmpty()) {
            return;
        }
        h.raw("<details><summary>Evidence</summary><table class=\"grid\">");
        evidence.forEach((k, v) -> {
            h.raw("<tr><th>").text(k).raw("</th><td>").entry(k, v).raw("</td></tr>");
        });
        h.raw("</table></details>\n");
    }

    private static void forecasts(Html h, Report report) {
        List<Forecast> forecasts = report.forecasts();
        h.element("h2", "Forecasts (" + forecasts.size() + ")");
        if (forecasts.isEmpty()) {
            h.element("p", "Not enough history to forecast yet.");
            return;
        }
        h.raw("<p class=\"muted\">Dark band: 80% interval; light band: 95%; dashed line: the threshold, where it is within reach.</p>");
        // the forecasts start from the last data analysed: offline that is the recording's end, not the report's time
        Instant origin = report.analysis() == null || report.analysis().to() == null ? report.generatedAt() : report.analysis().to();
        h.raw("<table class=\"grid\"><tr><th>metric</th><th>now</th><th>threshold</th><th>reached in</th><th>model</th><th>chart</th></tr>\n");
        for (Forecast f : forecasts) {
            h.raw("<tr id=\"").text(f.id()).raw("\"><td class=\"metric\"><code>").text(f.metric()).raw("</code></td><td>")
                    .text(Format.value(f.currentValue(), f.unit())).raw("</td><td>").text(Format.value(f.threshold(), f.unit()))
                    .raw("<br><span class=\"muted\">").text(f.thresholdSource()).raw("</span></td><td>").text(crossing(f));
            if (f.adjustment() != null) {
                h.raw("<br><span class=\"muted\">").text(f.adjustment()).raw("</span>");
            }
            h.raw("</td><td>").text(f.model()).raw("<br><span class=\"muted\">").text(f.historyPoints() + " points every "
                    + Format.duration(f.resolutionSeconds()));
            if (f.historyNote() != null) {
                h.raw("<br>").text(f.historyNote());
            }
            h.raw("</span></td><td>").raw(ForecastChart.svg(f, origin)).raw("</td></tr>\n");
        }
        h.raw("</table>\n");
    }

    private static String crossing(Forecast f) {
        if (f.timeToThresholdSeconds() == null) {
            return "not within " + Format.duration(f.horizonSeconds());
        }
        String low = f.timeToThresholdLowSeconds() == null ? "?" : Format.duration(f.timeToThresholdLowSeconds());
        String high = f.timeToThresholdHighSeconds() == null ? "beyond the horizon" : Format.duration(f.timeToThresholdHighSeconds());
        return String.format(Locale.ROOT, "%s (%.0f%%: %s to %s)", Format.duration(f.timeToThresholdSeconds()),
                100 * f.intervalLevel(), low, high);
    }

    private static void heapDump(Html h, HeapDumpSuggestion d) {
        if (d == null) {
            return;
        }
        h.element("h2", d.recommended() ? "Heap dump: recommended" : "Heap dump");
        h.element("p", d.reason());
        h.raw("<table>");
        if (d.command() != null) {
            h.codeRow("Command", d.command());
        }
        if (d.mbeanOperation() != null) {
            h.row("Or through JMX", d.mbeanOperation());
        }
        if (d.estimatedDumpBytes() != null) {
            h.row("Dump size", "about " + Format.bytes(d.estimatedDumpBytes()));
        }
        if (d.estimatedPauseSeconds() != null) {
            h.row("Pause", String.format(Locale.ROOT, "about %.1f s", d.estimatedPauseSeconds()));
        }
        if (d.freeDiskBytes() != null) {
            h.row("Free disk", Format.bytes(d.freeDiskBytes()) + (Boolean.FALSE.equals(d.diskHasRoom()) ? ": not enough" : ""));
        }
        if (d.secondsToOutOfMemory() != null) {
            h.row("Heap full in", Format.duration(d.secondsToOutOfMemory()) + (d.secondsToOutOfMemoryLow() == null ? ""
                    : " (as soon as " + Format.duration(d.secondsToOutOfMemoryLow()) + ")"));
        }
        if (d.recommendDumpBy() != null) {
            h.row("Dump by", d.recommendDumpBy());
        }
        if (d.onOutOfMemoryFlags() != null) {
            h.codeRow("Also start with", d.onOutOfMemoryFlags());
        }
        if (d.autoDump() != null) {
            h.row("heapDump=auto", d.autoDump().status() + ": " + d.autoDump().reason());
        }
        h.raw("</table>\n");
    }

    private static void host(Html h, HostInfo host) {
        if (host == null) {
            return;
        }
        h.element("h2", "Host and process");
        h.raw("<table>");
        h.row("Source", host.source());
        h.row("Host CPU", host.cpuLoad() == null ? null : Format.percent(host.cpuLoad()));
        if (host.memoryAvailableBytes() != null && host.memoryTotalBytes() != null) {
            h.row("Memory available", Format.bytes(host.memoryAvailableBytes()) + " of " + Format.bytes(host.memoryTotalBytes()));
        }
        h.row("Process RSS", host.processRssBytes() == null ? null : Format.bytes(host.processRssBytes()));
        h.row("Process threads", host.processThreads());
        h.row("Open files", host.processOpenFiles());
        h.raw("</table>\n");
    }

    private static void agent(Html h, AgentStats a) {
        if (a == null) {
            return;
        }
        h.element("h2", "Precog's own cost");
        h.raw("<table>");
        h.row("Agent", a.version() + ", " + a.mode() + ", up " + Format.duration(a.uptimeMillis() / 1000.0));
        if (a.cpuFractionOfOneCore() != null) {
            h.row("CPU", String.format(Locale.ROOT, "%.2f%% of one core", 100 * a.cpuFractionOfOneCore())
                    + (a.cpuFractionOfProcess() == null ? ""
                            : String.format(Locale.ROOT, " (%.2f%% of the process's CPU)", 100 * a.cpuFractionOfProcess())));
        }
        if (a.recent() != null && a.recent().cpuFractionOfOneCore() != null) {
            h.row("Last " + Format.duration(a.recent().seconds()), String.format(Locale.ROOT, "%.2f%% of one core with JFR's threads",
                    100 * a.recent().cpuFractionOfOneCore()));
        }
        h.row("Allocated", Format.bytes(a.allocatedBytes()));
        if (a.retainedBytes() != null) {
            h.row("Own data", Format.bytes(a.retainedBytes()) + " (" + AgentStats.RETAINED_LEAVES_OUT + ")");
        }
        if (a.classCount() != null && a.classMetaspaceBytes() != null) {
            h.row("Own classes", String.format(Locale.ROOT, "%,d, holding %s of metaspace", a.classCount(),
                    Format.bytes(a.classMetaspaceBytes())));
        }
        h.row("Events", a.eventsProcessed() + " folded, " + a.eventsDropped() + " dropped");
        if (a.budget() != null) {
            h.row("Budget", String.format(Locale.ROOT, "%.2f%% of one core, level %d of %d: %s", 100 * a.budget().budgetFractionOfOneCore(),
                    a.budget().level(), a.budget().maxLevel(), a.budget().reason()));
            for (String action : a.budget().actions()) {
                h.row("Lowered", action);
            }
        }
        h.raw("</table>\n");
    }

    private static String orUnknown(String s) {
        return s == null ? "unknown" : s;
    }
}
