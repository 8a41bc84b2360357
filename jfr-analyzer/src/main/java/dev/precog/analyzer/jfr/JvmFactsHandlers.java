package dev.precog.analyzer.jfr;

import dev.precog.analyzer.window.WindowAccumulator;
import dev.precog.model.Metric;
import java.util.List;
import jdk.jfr.consumer.RecordedEvent;

/** Handlers for the once-per-chunk events that describe the recorded JVM and its host (offline only). */
final class JvmFactsHandlers {

    /** How the agent jar's file name starts as the build makes it ({@code precog-agent.jar}). */
    static final String PRECOG_AGENT_JAR = "precog-agent";

    private JvmFactsHandlers() {}

    static List<EventHandler> create(RecordedJvmFacts facts, WindowAccumulator sink) {
        return List.of(
                handler("jdk.JVMInformation", e -> {
                    facts.jvm(JfrFields.longOr(e, "pid", -1), JfrFields.stringOr(e, "javaArguments", null),
                            JfrFields.stringOr(e, "jvmVersion", null));
                    if (namesPrecogAgent(JfrFields.stringOr(e, "jvmArguments", ""))) {
                        facts.precogSeen();
                    }
                }),
                // Precog attached later (no -javaagent) shows once it has ended a chunk
                handler("jdk.ActiveRecording", e -> {
                    if (ChunkRotation.RECORDING_NAME.equals(JfrFields.stringOr(e, "name", null))) {
                        facts.precogSeen();
                    }
                }),
                handler("jdk.GCConfiguration", e -> facts.collectors(
                        JfrFields.stringOr(e, "youngCollector", null),
                        JfrFields.stringOr(e, "oldCollector", null))),
                handler("jdk.GCHeapConfiguration", e -> {
                    long max = JfrFields.longOr(e, "maxSize", -1);
                    facts.heapMax(max);
                    sink.record(Metric.HEAP_MAX, max);
                }),
                handler("jdk.PhysicalMemory", e -> {
                    long total = JfrFields.longOr(e, "totalSize", -1);
                    long used = JfrFields.longOr(e, "usedSize", -1);
                    if (total > 0) {
                        sink.record(Metric.HOST_MEMORY_TOTAL, total);
                        if (used >= 0) {
                            sink.record(Metric.HOST_MEMORY_AVAILABLE, total - used);
                        }
                    }
                }),
                handler("jdk.ResidentSetSize", e -> sink.record(Metric.PROCESS_RSS, JfrFields.longOr(e, "size", -1))));
    }

    /**
     * Whether JVM arguments as jdk.JVMInformation records them load Precog's agent: a
     * {@code -javaagent:} whose jar's file name starts with {@value #PRECOG_AGENT_JAR}.
     */
    static boolean namesPrecogAgent(String jvmArguments) {
        for (String argument : jvmArguments.split("\\s+")) {
            if (argument.startsWith("-javaagent:")) {
                String jar = argument.substring("-javaagent:".length());
                int options = jar.indexOf('=');
                jar = options < 0 ? jar : jar.substring(0, options);
                String name = jar.substring(Math.max(jar.lastIndexOf('/'), jar.lastIndexOf('\\')) + 1);
                if (name.startsWith(PRECOG_AGENT_JAR)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static EventHandler handler(String name, java.util.function.Consumer<RecordedEvent> action) {
        return new EventHandler() {
            @Override
            public String eventName() {
                return name;
            }

            @Override
            public void accept(RecordedEvent event) {
                action.accept(event);
            }
        };
    }
}
