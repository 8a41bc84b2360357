package dev.precog.analyzer;

import dev.precog.analyzer.detect.AnalysisContext;
import dev.precog.analyzer.evidence.Evidence;
import dev.precog.analyzer.evidence.HeapEvidence;
import dev.precog.analyzer.jfr.EventReader;
import dev.precog.analyzer.jfr.FilteredEventReader;
import dev.precog.analyzer.jfr.RecordedJvmFacts;
import dev.precog.analyzer.jfr.RecordingFileSource;
import dev.precog.analyzer.jfr.ReplayProgress;
import dev.precog.analyzer.jfr.UnreadableRecordingException;
import dev.precog.analyzer.report.HostInfos;
import dev.precog.analyzer.timeline.Timeline;
import dev.precog.model.AgentStats;
import dev.precog.model.JvmInfo;
import dev.precog.model.Metric;
import dev.precog.model.Report;
import dev.precog.model.Window;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.OptionalDouble;

/**
 * The offline path: a .jfr file replayed into a timeline and analysed by the same detectors as
 * the live agent, evaluated as the recording goes so findings keep their first-detection time.
 */
public final class OfflineAnalysis {

    /** Offline, keep a day of 10-second windows; longer recordings keep their most recent day. */
    private static final int TIMELINE_CAPACITY = 8640;

    private final Duration window;
    private final EventReader reader;

    /** An analysis that parses only the event types Precog reads. */
    public OfflineAnalysis(Duration window) {
        this(window, new FilteredEventReader());
    }

    public OfflineAnalysis(Duration window, EventReader reader) {
        this.window = window;
        this.reader = reader;
    }

    public Report analyze(Path recording, String agentVersion) throws UnreadableRecordingException {
        return analyze(recording, agentVersion, ReplayProgress.NONE);
    }

    /** The report on {@code recording}; {@code progress} is told how far the reading has got. */
    public Report analyze(Path recording, String agentVersion, ReplayProgress progress) throws UnreadableRecordingException {
        long startedNanos = System.nanoTime();
        Timeline timeline = new Timeline(TIMELINE_CAPACITY);
        Analyzer analyzer = Analyzer.standard();
        RecordedJvmFacts facts = new RecordedJvmFacts();
        long[] events = new long[1];
        RecordingFileSource.Outcome outcome = new RecordingFileSource(recording, window, reader).replay(facts, w -> {
            timeline.add(w);
            events[0] += w.events();
            analyzer.evaluate(context(timeline, w.end(), facts, recording, Evidence.NONE));
        }, progress);
        Instant to = timeline.windows().get(timeline.size() - 1).end();
        // Old-object samples are written when the recording is dumped, so they are known only now.
        Evidence evidence = Evidence.NONE.withHeap(new HeapEvidence(null, facts.oldObjects().classes(), 0, 0));
        // Net thread starts per name over the recording stand in for the live agent's two thread censuses.
        evidence = evidence.withThreads(facts.threads().diff(timeline.windows().get(0).start(), to));
        // jdk.ClassLoaderStatistics snapshots (each chunk's start and end) stand in for the live class-loader census.
        evidence = evidence.withClassLoaders(facts.classLoaders().diff());
        // The deadlocks HotSpot listed in the recording's thread dumps stand in for the agent's ThreadMXBean probe.
        evidence = evidence.withDeadlocks(facts.deadlocks());
        Analyzer.Result result = analyzer.evaluate(context(timeline, to, facts, recording, evidence));
        JvmInfo jvm = facts.toJvmInfo();
        Window first = timeline.windows().get(0);
        long elapsedMillis = Duration.ofNanos(System.nanoTime() - startedNanos).toMillis();
        AgentStats stats = new AgentStats(agentVersion, "offline", elapsedMillis, elapsedMillis, null, null, 0,
                events[0], 0, timeline.appended(), "from the recording (jdk.CPULoad, jdk.PhysicalMemory)");
        return new Report(Report.SCHEMA_VERSION, Instant.now(), jvm, HostInfos.latest(timeline, "jfr"),
                new Report.Analysis("offline:" + recording.getFileName(), first.start(), to, timeline.appended(),
                        window.toMillis() / 1000.0, notes(outcome.damage(), analyzer.failures())),
                result.findings(), result.forecasts(), result.heapDump(), stats);
    }

    /** What limited the analysis: a damaged recording, detectors that failed (their findings are missing). */
    private static List<String> notes(String damage, long detectorFailures) {
        List<String> notes = new java.util.ArrayList<>();
        if (damage != null) {
            notes.add(damage);
        }
        if (detectorFailures > 0) {
            notes.add(detectorFailures + " detector runs failed");
        }
        return notes;
    }

    /** What the detectors and forecasters know at {@code now} of a replayed recording. */
    public static AnalysisContext context(Timeline timeline, Instant now, RecordedJvmFacts facts, Path recording,
            Evidence evidence) {
        Long max = facts.heapMaxBytes();
        if (max == null) {
            OptionalDouble fromEvents = timeline.latest(Metric.HEAP_MAX);
            max = fromEvents.isPresent() && fromEvents.getAsDouble() > 0 ? Math.round(fromEvents.getAsDouble()) : null;
        }
        Long pid = facts.toJvmInfo().pid();
        Path dir = recording.toAbsolutePath().getParent();
        return new AnalysisContext(timeline, now, pid, max, dir, null, evidence)
                .withMetaspaceMaxBytes(facts.maxMetaspaceBytes()).withPrecogInJvm(facts.precogInJvm());
    }
}
