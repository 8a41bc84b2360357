package dev.precog.agent.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.precog.analyzer.report.Format;
import dev.precog.model.AgentStats;
import dev.precog.model.Unit;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Locale;

/** The short human summary of a report that status, analyze and demo print. */
final class ReportSummary {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private ReportSummary() {}

    static JsonNode parse(String json) throws IOException {
        return MAPPER.readTree(json);
    }

    /** A finding reported as last found, earlier than the analysed moment (reports before lastDetectedAt have none). */
    private static boolean isHeld(JsonNode finding, JsonNode analysis) {
        JsonNode last = finding.path("lastDetectedAt");
        JsonNode to = analysis.path("to");
        return last.isTextual() && to.isTextual() && Instant.parse(last.asText()).isBefore(Instant.parse(to.asText()));
    }

    static JsonNode read(Path file) throws IOException {
        return MAPPER.readTree(file.toFile());
    }

    static void print(JsonNode report, PrintStream out) {
        JsonNode jvm = report.path("jvm");
        out.printf(Locale.ROOT, "JVM %s (%s, Java %s, %s, max heap %s)%n",
                text(jvm, "pid"), text(jvm, "mainClass"), text(jvm, "javaVersion"), text(jvm, "gc"),
                jvm.hasNonNull("heapMaxBytes") ? Format.bytes(jvm.get("heapMaxBytes").asDouble()) : "unknown");
        JsonNode analysis = report.path("analysis");
        out.printf(Locale.ROOT, "Analysed %s windows of %ss (%s to %s)%n", text(analysis, "windows"),
                text(analysis, "windowSeconds"), text(analysis, "from"), text(analysis, "to"));
        for (JsonNode note : analysis.path("notes")) {
            out.println("Note: " + note.asText());
        }
        JsonNode findings = report.path("findings");
        if (findings.isEmpty()) {
            out.println("Findings: none");
        } else {
            out.println("Findings:");
            for (JsonNode f : findings) {
                out.printf(Locale.ROOT, "  %-8s %s (confidence %.2f, since %s): %s%n", text(f, "severity"),
                        text(f, "kind"), f.path("confidence").asDouble(), text(f, "firstDetectedAt"), text(f, "summary"));
                if (isHeld(f, analysis)) {
                    out.println("           held: not found since " + text(f, "lastDetectedAt") + ", shown as it was then");
                }
                JsonNode suspects = f.path("suspects");
                if (!suspects.isEmpty()) {
                    out.println("           suspects: " + String.join(", ", names(suspects)));
                }
            }
        }
        for (JsonNode fc : report.path("forecasts")) {
            out.println(forecastLine(fc));
        }
        printHeapDump(report.path("heapDumpSuggestion"), out);
        JsonNode agent = report.path("agent");
        if (agent.hasNonNull("cpuFractionOfOneCore")) {
            out.printf(Locale.ROOT, "Agent overhead: %.2f%% of one core, %s allocated, %s events, %s dropped%n",
                    agent.get("cpuFractionOfOneCore").asDouble() * 100, Format.bytes(agent.path("allocatedBytes").asDouble()),
                    text(agent, "eventsProcessed"), text(agent, "eventsDropped"));
        }
        JsonNode recent = agent.path("recent");
        if (recent.hasNonNull("cpuFractionOfOneCore")) {
            out.println(recentCostLine(recent, agent));
        }
        JsonNode budget = agent.path("budget");
        if (budget.isObject()) {
            out.printf(Locale.ROOT, "Overhead budget %s of one core: level %s of %s, %s%n",
                    share(budget.path("budgetFractionOfOneCore")), text(budget, "level"), text(budget, "maxLevel"),
                    text(budget, "reason"));
            for (JsonNode action : budget.path("actions")) {
                out.println("  " + action.asText());
            }
        }
        if (agent.hasNonNull("jfrAllocationSamplesLowered")) {
            out.println("Parser memory: " + agent.get("jfrAllocationSamplesLowered").asText());
        }
    }

    /**
     * "Agent cost over the last 60s: 0.42% of one core with JFR's threads (1.20% of the process's CPU), 1.1 MB/s
     * allocated (3.00% of the process's), JFR 15 events/s and 4.1 KB/s; its own data holds 810.7 KB (0.30% of max
     * heap; not counted: its classes and JFR's stream parser); beside it its 1,351 classes hold 1.7 MB of metaspace".
     */
    private static String recentCostLine(JsonNode recent, JsonNode agent) {
        StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "Agent cost over the last %.0fs: %s of one core%s",
                recent.path("seconds").asDouble(), share(recent.get("cpuFractionOfOneCore")),
                recent.hasNonNull("jfrThreadsCpuMillis") ? " with JFR's threads" : ""));
        if (recent.hasNonNull("cpuFractionOfProcess")) {
            line.append(" (").append(share(recent.get("cpuFractionOfProcess"))).append(" of the process's CPU)");
        }
        if (recent.hasNonNull("allocatedBytesPerSecond")) {
            line.append(", ").append(Format.bytes(recent.get("allocatedBytesPerSecond").asDouble())).append("/s allocated");
            if (recent.hasNonNull("allocatedFractionOfProcess")) {
                line.append(" (").append(share(recent.get("allocatedFractionOfProcess"))).append(" of the process's)");
            }
        }
        line.append(String.format(Locale.ROOT, ", JFR %.0f events/s", recent.path("jfrEventsPerSecond").asDouble()));
        if (recent.hasNonNull("jfrBytesPerSecond")) {
            line.append(" and ").append(Format.bytes(recent.get("jfrBytesPerSecond").asDouble())).append("/s");
        }
        if (agent.hasNonNull("retainedBytes")) {
            // what the agent's own walk can see: an operator must not read it as the agent's whole footprint
            line.append("; its own data holds ").append(Format.bytes(agent.get("retainedBytes").asDouble())).append(" (");
            if (agent.hasNonNull("retainedFractionOfMaxHeap")) {
                line.append(share(agent.get("retainedFractionOfMaxHeap"))).append(" of max heap; ");
            }
            line.append(AgentStats.RETAINED_LEAVES_OUT).append(')');
        }
        if (agent.hasNonNull("classCount") && agent.hasNonNull("classMetaspaceBytes")) {
            line.append(String.format(Locale.ROOT, "; beside it its %,d classes hold %s of metaspace", agent.get("classCount").asLong(),
                    Format.bytes(agent.get("classMetaspaceBytes").asDouble())));
        }
        return line.toString();
    }

    /** A share as a percentage with two decimals: the agent's figures are small. */
    private static String share(JsonNode ratio) {
        return String.format(Locale.ROOT, "%.2f%%", ratio.asDouble() * 100);
    }

    /**
     * "Forecast: heap.usedAfterGc reaches 512.0 MB (max heap (-Xmx)) in 2m42s (95%: 2m39s to 2m45s),
     * theil-sen-linear", or "stays below ... for the next 1h40m" when no crossing is forecast; what
     * another signal added to the model's trend (the GC's CPU as the heap fills), then why the history starts
     * where it does (after a warm-up ramp), last.
     */
    static String forecastLine(JsonNode fc) {
        String unit = fc.path("unit").asText("BYTES");
        String limit = value(fc.path("threshold").asDouble(), unit) + " (" + fc.path("thresholdSource").asText("limit") + ")";
        boolean falling = "falling".equals(fc.path("direction").asText());
        JsonNode eta = fc.path("timeToThresholdSeconds");
        String model = ", " + fc.path("model").asText() + ", now " + value(fc.path("currentValue").asDouble(), unit)
                + (fc.hasNonNull("adjustment") ? ", " + fc.path("adjustment").asText() : "")
                + (fc.hasNonNull("historyNote") ? "; " + fc.path("historyNote").asText() : "");
        if (eta.isNull() || eta.isMissingNode()) {
            return "Forecast: " + text(fc, "metric") + (falling ? " stays above " : " stays below ") + limit + " for the next "
                    + Format.duration(fc.path("horizonSeconds").asDouble()) + model;
        }
        JsonNode high = fc.path("timeToThresholdHighSeconds");
        return "Forecast: " + text(fc, "metric") + (falling ? " falls to " : " reaches ") + limit + " in "
                + Format.duration(eta.asDouble()) + " (" + Math.round(fc.path("intervalLevel").asDouble() * 100) + "%: "
                + Format.duration(fc.path("timeToThresholdLowSeconds").asDouble()) + " to "
                + (high.isNull() || high.isMissingNode() ? "beyond the horizon" : Format.duration(high.asDouble())) + ")" + model;
    }

    private static String value(double v, String unit) {
        return Format.value(v, "RATIO".equals(unit) || "COUNT".equals(unit) ? Unit.valueOf(unit) : Unit.BYTES);
    }

    /**
     * The dump advice: why (size, pause, disk, time left, in the reason), the command and the
     * JMX operation, the OutOfMemoryError flags when missing, and what heapDump=auto did.
     */
    private static void printHeapDump(JsonNode dump, PrintStream out) {
        if (dump.isMissingNode() || dump.isNull()) {
            return;
        }
        out.println((dump.path("recommended").asBoolean() ? "Heap dump recommended: " : "Heap dump: ") + text(dump, "reason"));
        out.println("  " + text(dump, "command"));
        if (dump.hasNonNull("mbeanOperation")) {
            out.println("  or JMX: " + dump.get("mbeanOperation").asText());
        }
        if (dump.hasNonNull("onOutOfMemoryFlags")) {
            out.println("  keep one if the heap runs out: " + dump.get("onOutOfMemoryFlags").asText());
        }
        JsonNode auto = dump.path("autoDump");
        if (auto.isObject()) {
            out.println("Automatic heap dump (" + text(auto, "status") + "): " + text(auto, "reason"));
        }
    }

    private static String[] names(JsonNode suspects) {
        String[] out = new String[suspects.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = suspects.get(i).path("className").asText();
        }
        return out;
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() ? "unknown" : v.asText();
    }
}
