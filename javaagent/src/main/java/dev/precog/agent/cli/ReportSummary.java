package dev.precog.agent.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.precog.analyzer.report.Format;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Locale;

/** The short human summary of a report that status, analyze and demo print. */
final class ReportSummary {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private ReportSummary() {}

    static JsonNode parse(String json) throws IOException {
        return MAPPER.readTree(json);
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
                JsonNode suspects = f.path("suspects");
                if (!suspects.isEmpty()) {
                    out.println("           suspects: " + String.join(", ", names(suspects)));
                }
            }
        }
        for (JsonNode fc : report.path("forecasts")) {
            JsonNode eta = fc.path("timeToThresholdSeconds");
            out.printf(Locale.ROOT, "Forecast: %s reaches %s %s%n", text(fc, "metric"),
                    Format.bytes(fc.path("threshold").asDouble()),
                    eta.isNull() || eta.isMissingNode()
                            ? "not within the horizon"
                            : "in " + Format.duration(eta.asDouble()) + " (" + Math.round(fc.path("intervalLevel").asDouble() * 100)
                                    + "%: " + Format.duration(fc.path("timeToThresholdLowSeconds").asDouble()) + " to "
                                    + Format.duration(fc.path("timeToThresholdHighSeconds").asDouble()) + ")");
        }
        printHeapDump(report.path("heapDumpSuggestion"), out);
        JsonNode agent = report.path("agent");
        if (agent.hasNonNull("cpuFractionOfOneCore")) {
            out.printf(Locale.ROOT, "Agent overhead: %.2f%% of one core, %s allocated, %s events, %s dropped%n",
                    agent.get("cpuFractionOfOneCore").asDouble() * 100, Format.bytes(agent.path("allocatedBytes").asDouble()),
                    text(agent, "eventsProcessed"), text(agent, "eventsDropped"));
        }
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
