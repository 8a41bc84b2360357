package dev.precog.it.accuracy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;

/**
 * What a recording says about itself: the JVM that made it and how (from
 * {@code jdk.JVMInformation}), how long it covers, and how many collections it saw. Read in one
 * pass, so a recording made elsewhere describes itself in the table as well as one made here.
 *
 * @param jvmVersion the JVM's version line, or null if the recording has no jdk.JVMInformation
 * @param jvmArguments the JVM's flags as recorded (-Xmx..., the agent, the recording itself)
 * @param javaArguments the main class and its arguments
 */
record RecordingFacts(String jvmVersion, String jvmArguments, String javaArguments, Instant from, Instant to, long bytes,
        long garbageCollections, long heapSummaries) {

    private static final String WORKLOADS = "dev.precog.it.workload.";
    private static final Pattern FEATURE = Pattern.compile("\\((\\d+)[.+\\-)]");

    static RecordingFacts read(Path jfr) throws IOException {
        String version = null;
        String jvmArgs = null;
        String javaArgs = null;
        Instant from = null;
        Instant to = null;
        long gcs = 0;
        long heapSummaries = 0;
        try (RecordingFile file = new RecordingFile(jfr)) {
            while (file.hasMoreEvents()) {
                RecordedEvent e = file.readEvent();
                Instant start = e.getStartTime();
                Instant end = e.getEndTime();
                from = from == null || start.isBefore(from) ? start : from;
                to = to == null || end.isAfter(to) ? end : to;
                switch (e.getEventType().getName()) {
                    case "jdk.GarbageCollection" -> gcs++;
                    case "jdk.GCHeapSummary" -> heapSummaries++;
                    case "jdk.JVMInformation" -> {
                        if (version == null) {
                            version = e.getString("jvmVersion");
                            jvmArgs = e.getString("jvmArguments");
                            javaArgs = e.getString("javaArguments");
                        }
                    }
                    default -> {
                        // only the span
                    }
                }
            }
        }
        return new RecordingFacts(version, jvmArgs, javaArgs, from, to, Files.size(jfr), gcs, heapSummaries);
    }

    /** The flags that shape the heap (-Xmx, -Xmn, -XX:...), without the agent and the recording's own. */
    static String heapFlags(String jvmArguments) {
        if (jvmArguments == null) {
            return "";
        }
        List<String> kept = new ArrayList<>();
        for (String flag : jvmArguments.trim().split("\\s+")) {
            boolean heap = flag.startsWith("-Xm") || flag.startsWith("-Xss") || flag.startsWith("-XX:");
            boolean recording = flag.startsWith("-XX:StartFlightRecording") || flag.startsWith("-XX:FlightRecorderOptions");
            if (heap && !recording) {
                kept.add(flag);
            }
        }
        return String.join(" ", kept);
    }

    /** The main class and its arguments, the workloads' package left out. */
    static String shortWorkload(String javaArguments) {
        return javaArguments == null ? "" : javaArguments.trim().replace(WORKLOADS, "");
    }

    double seconds() {
        return from == null ? 0 : Duration.between(from, to).toMillis() / 1000.0;
    }

    /** "jdk17" from the version line "OpenJDK 64-Bit Server VM (17.0.15+6-...) for ...", or "unknown". */
    String jdkName() {
        if (jvmVersion == null) {
            return "unknown";
        }
        Matcher m = FEATURE.matcher(jvmVersion);
        return m.find() ? "jdk" + m.group(1) : "unknown";
    }

    /** The full version inside the first parentheses of the version line, or the line itself. */
    String jdkVersion() {
        if (jvmVersion == null) {
            return "unknown";
        }
        int open = jvmVersion.indexOf('(');
        int close = jvmVersion.indexOf(')', open + 1);
        return open >= 0 && close > open ? jvmVersion.substring(open + 1, close) : jvmVersion;
    }
}
