package dev.precog.analyzer.report;

import dev.precog.model.AgentStats;
import dev.precog.model.Finding;
import dev.precog.model.Forecast;
import dev.precog.model.ForecastPoint;
import dev.precog.model.HeapDumpSuggestion;
import dev.precog.model.HostInfo;
import dev.precog.model.JvmInfo;
import dev.precog.model.OverheadBudget;
import dev.precog.model.RecentCost;
import dev.precog.model.Report;
import dev.precog.model.Suggestion;
import dev.precog.model.Suspect;

/**
 * The report's JSON form: ISO-8601 times, nulls kept (a null time-to-threshold means "never").
 * Written member by member rather than by a JSON library, which would load some 600 classes into
 * the application's JVM; {@code ReportJsonTest} holds it to what Jackson writes for every type.
 * A component added to a report type must be added here too (that test fails until it is).
 */
public final class ReportJson {

    private static final JsonWriter.Records RECORDS = new ReportRecords();

    private ReportJson() {}

    public static String toJson(Report report) {
        StringBuilder out = new StringBuilder(32 * 1024);
        new JsonWriter(out, RECORDS).value(report);
        return out.toString();
    }

    /** The report's types, each member by name. */
    private static final class ReportRecords implements JsonWriter.Records {

        @Override
        public boolean write(Record r, JsonWriter w) {
            if (r instanceof Report x) {
                report(x, w);
            } else if (r instanceof Report.Analysis x) {
                w.beginObject().field("source", x.source()).field("from", x.from()).field("to", x.to())
                        .field("windows", x.windows()).field("windowSeconds", x.windowSeconds()).field("notes", x.notes())
                        .endObject();
            } else if (r instanceof JvmInfo x) {
                w.beginObject().field("pid", x.pid()).field("mainClass", x.mainClass()).field("javaVersion", x.javaVersion())
                        .field("heapMaxBytes", x.heapMaxBytes()).field("gc", x.gc()).endObject();
            } else if (r instanceof HostInfo x) {
                w.beginObject().field("source", x.source()).field("cpuLoad", x.cpuLoad())
                        .field("memoryTotalBytes", x.memoryTotalBytes()).field("memoryAvailableBytes", x.memoryAvailableBytes())
                        .field("swapTotalBytes", x.swapTotalBytes()).field("swapUsedBytes", x.swapUsedBytes())
                        .field("processRssBytes", x.processRssBytes()).field("processThreads", x.processThreads())
                        .field("processOpenFiles", x.processOpenFiles()).endObject();
            } else if (r instanceof Finding x) {
                w.beginObject().field("id", x.id()).field("kind", x.kind()).field("severity", x.severity())
                        .field("confidence", x.confidence()).field("firstDetectedAt", x.firstDetectedAt())
                        .field("lastDetectedAt", x.lastDetectedAt()).field("pattern", x.pattern()).field("summary", x.summary()).field("evidence", x.evidence())
                        .field("suspects", x.suspects()).field("suggestions", x.suggestions()).endObject();
            } else if (r instanceof Suspect x) {
                w.beginObject().field("className", x.className()).field("basis", x.basis()).field("share", x.share())
                        .field("stackTop", x.stackTop()).field("detail", x.detail()).field("growthInstances", x.growthInstances())
                        .field("growthBytes", x.growthBytes()).endObject();
            } else if (r instanceof Suggestion x) {
                w.beginObject().field("action", x.action()).field("command", x.command()).field("rationale", x.rationale())
                        .endObject();
            } else if (r instanceof Forecast x) {
                forecast(x, w);
            } else if (r instanceof Forecast.ModelScore x) {
                w.beginObject().field("model", x.model()).field("backtestMeanAbsoluteError", x.backtestMeanAbsoluteError())
                        .field("backtestForecasts", x.backtestForecasts()).field("chosen", x.chosen()).endObject();
            } else if (r instanceof ForecastPoint x) {
                w.beginObject().field("at", x.at()).field("value", x.value()).field("low", x.low()).field("high", x.high())
                        .field("low80", x.low80()).field("high80", x.high80()).endObject();
            } else if (r instanceof HeapDumpSuggestion x) {
                heapDump(x, w);
            } else if (r instanceof HeapDumpSuggestion.AutoDump x) {
                w.beginObject().field("status", x.status()).field("at", x.at()).field("path", x.path()).field("bytes", x.bytes())
                        .field("durationSeconds", x.durationSeconds()).field("ownerOnly", x.ownerOnly())
                        .field("heapDumpBeforeSeconds", x.heapDumpBeforeSeconds()).field("reason", x.reason()).endObject();
            } else if (r instanceof AgentStats x) {
                agent(x, w);
            } else if (r instanceof RecentCost x) {
                w.beginObject().field("seconds", x.seconds()).field("agentCpuMillis", x.agentCpuMillis())
                        .field("jfrThreadsCpuMillis", x.jfrThreadsCpuMillis()).field("cpuFractionOfOneCore", x.cpuFractionOfOneCore())
                        .field("cpuFractionOfProcess", x.cpuFractionOfProcess())
                        .field("allocatedBytesPerSecond", x.allocatedBytesPerSecond())
                        .field("allocatedFractionOfProcess", x.allocatedFractionOfProcess())
                        .field("jfrEventsPerSecond", x.jfrEventsPerSecond()).field("jfrBytesPerSecond", x.jfrBytesPerSecond())
                        .field("topEventTypes", x.topEventTypes()).endObject();
            } else if (r instanceof RecentCost.EventTypeRate x) {
                w.beginObject().field("eventType", x.eventType()).field("perSecond", x.perSecond()).endObject();
            } else if (r instanceof OverheadBudget x) {
                w.beginObject().field("budgetFractionOfOneCore", x.budgetFractionOfOneCore())
                        .field("measuredFractionOfOneCore", x.measuredFractionOfOneCore())
                        .field("measuredOverSeconds", x.measuredOverSeconds()).field("level", x.level())
                        .field("maxLevel", x.maxLevel()).field("actions", x.actions()).field("reason", x.reason())
                        .field("since", x.since()).endObject();
            } else {
                return false;
            }
            return true;
        }

        private static void report(Report x, JsonWriter w) {
            w.beginObject().field("schemaVersion", x.schemaVersion()).field("generatedAt", x.generatedAt()).field("jvm", x.jvm())
                    .field("host", x.host()).field("analysis", x.analysis()).field("findings", x.findings())
                    .field("forecasts", x.forecasts()).field("heapDumpSuggestion", x.heapDumpSuggestion())
                    .field("agent", x.agent()).endObject();
        }

        private static void forecast(Forecast x, JsonWriter w) {
            w.beginObject().field("id", x.id()).field("metric", x.metric()).field("unit", x.unit()).field("model", x.model())
                    .field("direction", x.direction()).field("threshold", x.threshold()).field("thresholdSource", x.thresholdSource())
                    .field("currentValue", x.currentValue()).field("slopePerSecond", x.slopePerSecond())
                    .field("intervalLevel", x.intervalLevel()).field("timeToThresholdSeconds", x.timeToThresholdSeconds())
                    .field("timeToThresholdLowSeconds", x.timeToThresholdLowSeconds())
                    .field("timeToThresholdHighSeconds", x.timeToThresholdHighSeconds())
                    .field("firstDetectedAt", x.firstDetectedAt()).field("horizonSeconds", x.horizonSeconds())
                    .field("resolutionSeconds", x.resolutionSeconds()).field("historyPoints", x.historyPoints())
                    .field("models", x.models()).field("points", x.points()).field("adjustment", x.adjustment())
                    .field("historyNote", x.historyNote()).endObject();
        }

        private static void heapDump(HeapDumpSuggestion x, JsonWriter w) {
            w.beginObject().field("recommended", x.recommended()).field("reason", x.reason()).field("command", x.command())
                    .field("dumpPath", x.dumpPath()).field("liveSetBytes", x.liveSetBytes())
                    .field("estimatedDumpBytes", x.estimatedDumpBytes()).field("estimatedPauseSeconds", x.estimatedPauseSeconds())
                    .field("freeDiskBytes", x.freeDiskBytes()).field("diskHasRoom", x.diskHasRoom())
                    .field("secondsToOutOfMemory", x.secondsToOutOfMemory())
                    .field("secondsToOutOfMemoryLow", x.secondsToOutOfMemoryLow()).field("recommendDumpBy", x.recommendDumpBy())
                    .field("mbeanOperation", x.mbeanOperation()).field("onOutOfMemoryFlags", x.onOutOfMemoryFlags())
                    .field("autoDump", x.autoDump()).endObject();
        }

        private static void agent(AgentStats x, JsonWriter w) {
            w.beginObject().field("version", x.version()).field("mode", x.mode()).field("uptimeMillis", x.uptimeMillis())
                    .field("cpuTimeMillis", x.cpuTimeMillis()).field("cpuFractionOfProcess", x.cpuFractionOfProcess())
                    .field("cpuFractionOfOneCore", x.cpuFractionOfOneCore()).field("allocatedBytes", x.allocatedBytes())
                    .field("eventsProcessed", x.eventsProcessed()).field("eventsDropped", x.eventsDropped())
                    .field("windowsAnalysed", x.windowsAnalysed()).field("hostMetrics", x.hostMetrics())
                    .field("jfrThreadsCpuTimeMillis", x.jfrThreadsCpuTimeMillis())
                    .field("allocatedFractionOfProcess", x.allocatedFractionOfProcess()).field("retainedBytes", x.retainedBytes())
                    .field("retainedFractionOfMaxHeap", x.retainedFractionOfMaxHeap()).field("recent", x.recent())
                    .field("budget", x.budget()).field("jfrChunkRotations", x.jfrChunkRotations())
                    .field("jfrParserStackBytes", x.jfrParserStackBytes())
                    .field("jfrAllocationSamplesLowered", x.jfrAllocationSamplesLowered())
                    .field("classCount", x.classCount()).field("classMetaspaceBytes", x.classMetaspaceBytes()).endObject();
        }
    }
}
