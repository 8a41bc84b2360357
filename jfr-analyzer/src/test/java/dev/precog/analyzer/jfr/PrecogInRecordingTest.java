package dev.precog.analyzer.jfr;

import static org.assertj.core.api.Assertions.assertThat;

import dev.precog.analyzer.OfflineAnalysis;
import dev.precog.analyzer.detect.AnalysisContext;
import dev.precog.analyzer.evidence.Evidence;
import dev.precog.analyzer.timeline.Timeline;
import dev.precog.model.Window;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import jdk.jfr.Recording;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Whether a recording shows Precog running in the JVM it was made in, which the heap's forecast allows for. */
class PrecogInRecordingTest {

    private static final Instant T0 = Instant.parse("2026-12-05T02:00:00Z");
    /** The agent's default chunkRotation (AgentOptions). */
    private static final Duration INTERVAL = Duration.ofSeconds(10);

    @TempDir
    Path dir;

    @Test
    void aRecordingThatSawPrecogEndAChunkShowsPrecogInTheJvm() throws Exception {
        Path file = dir.resolve("with-rotation.jfr");
        try (Recording recording = new Recording()) {
            // default and profile settings record it; each chunk lists the recordings then running
            recording.enable("jdk.ActiveRecording");
            recording.start();
            ChunkRotation rotation = ChunkRotation.live(T0, INTERVAL);
            for (int i = 0; i < ChunkRotation.STACK_LIMIT; i++) {
                rotation.stacks().see(new Object());
            }
            assertThat(rotation.rotateIfDue(T0.plus(INTERVAL))).isTrue();
            recording.stop();
            recording.dump(file);
        }

        Replayed replayed = replay(file);
        assertThat(replayed.facts().precogInJvm()).isTrue();
        assertThat(replayed.context().precogInJvm()).isTrue();
    }

    @Test
    void aJavaagentArgumentLoadingPrecogsJarShowsPrecogAndNothingElseDoes() {
        assertThat(JvmFactsHandlers.namesPrecogAgent(
                "-Xmx256m -javaagent:/opt/precog/precog-agent.jar=reportDir=/var/log/precog,window=5s -XX:+UseG1GC")).isTrue();
        assertThat(JvmFactsHandlers.namesPrecogAgent("-javaagent:precog-agent-0.1.0.jar")).isTrue();
        assertThat(JvmFactsHandlers.namesPrecogAgent("-javaagent:C:\\tools\\precog-agent.jar")).isTrue();
        // another agent, a property that merely mentions the name, a directory of that name
        assertThat(JvmFactsHandlers.namesPrecogAgent("-javaagent:/opt/otel/opentelemetry-javaagent.jar")).isFalse();
        assertThat(JvmFactsHandlers.namesPrecogAgent("-Dnote=precog-agent -Xmx1g")).isFalse();
        assertThat(JvmFactsHandlers.namesPrecogAgent("-javaagent:/opt/precog-agent/other.jar")).isFalse();
        assertThat(JvmFactsHandlers.namesPrecogAgent("")).isFalse();
    }

    @Test
    void aRecordingWithoutPrecogDoesNotShowIt() throws Exception {
        Path file = TestRecordings.gcRecording();

        Replayed replayed = replay(file);
        assertThat(replayed.facts().precogInJvm()).isFalse();
        assertThat(replayed.context().precogInJvm()).isFalse();
    }

    /** What one replay of {@code file} learnt of its JVM, and the analysis context made from it. */
    private record Replayed(RecordedJvmFacts facts, AnalysisContext context) {}

    private static Replayed replay(Path file) throws UnreadableRecordingException {
        RecordedJvmFacts facts = new RecordedJvmFacts();
        List<Window> windows = new ArrayList<>();
        new RecordingFileSource(file, Duration.ofSeconds(1)).replay(facts, windows::add);
        Timeline timeline = new Timeline(windows.size() + 1);
        windows.forEach(timeline::add);
        return new Replayed(facts, OfflineAnalysis.context(timeline, T0, facts, file, Evidence.NONE));
    }
}
