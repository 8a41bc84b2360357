package dev.precog.analyzer.jfr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.precog.model.Metric;
import dev.precog.model.Window;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RecordingFileSourceTest {

    private static final Duration ONE_SECOND = Duration.ofSeconds(1);

    @TempDir
    Path dir;

    private static List<Window> replay(Path file, RecordedJvmFacts facts) throws UnreadableRecordingException {
        List<Window> windows = new ArrayList<>();
        new RecordingFileSource(file, ONE_SECOND).replay(facts, windows::add);
        return windows;
    }

    private static AbstractThrowableAssert<?, ? extends Throwable> assertUnreadable(Path file) {
        return assertThatThrownBy(() -> replay(file, new RecordedJvmFacts()))
                .isInstanceOf(UnreadableRecordingException.class)
                .hasMessageContaining(file.toString())
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n", "\r"));
    }

    @Test
    void missingFile() {
        assertUnreadable(dir.resolve("missing.jfr")).hasMessageContaining("does not exist");
    }

    @Test
    void directory() {
        assertUnreadable(dir).hasMessageContaining("is a directory");
    }

    @Test
    void emptyFile() throws IOException {
        Path file = Files.createFile(dir.resolve("empty.jfr"));

        assertUnreadable(file);
    }

    @Test
    void randomBytes() throws IOException {
        byte[] bytes = new byte[8192];
        new Random(5).nextBytes(bytes);
        Path file = Files.write(dir.resolve("random.jfr"), bytes);

        assertUnreadable(file).hasMessageContaining("not a readable JFR recording");
    }

    @Test
    void textFileNamedJfr() throws IOException {
        Path file = Files.writeString(dir.resolve("notes.jfr"), "FLR? no, just text\nsecond line\n");

        assertUnreadable(file).hasMessageContaining("not a readable JFR recording");
    }

    @Test
    void truncatedRecording() throws IOException {
        byte[] whole = Files.readAllBytes(TestRecordings.gcRecording());
        Path file = Files.write(dir.resolve("truncated.jfr"), Arrays.copyOf(whole, whole.length / 2));

        assertUnreadable(file);
    }

    @Test
    void recordingCutInsideItsHeader() throws IOException {
        byte[] whole = Files.readAllBytes(TestRecordings.gcRecording());
        Path file = Files.write(dir.resolve("header.jfr"), Arrays.copyOf(whole, 40));

        assertUnreadable(file);
    }

    @Test
    void validRecordingWithoutEvents() throws IOException {
        Path file = dir.resolve("nothing.jfr");
        try (Recording recording = new Recording()) {
            recording.start();
            recording.stop();
            recording.dump(file);
        }

        assertUnreadable(file).hasMessageContaining("holds no JFR events");
    }

    @Test
    void realRecordingReplaysIntoContiguousWindowsWithGcAndHeapValues() throws Exception {
        RecordedJvmFacts facts = new RecordedJvmFacts();

        List<Window> windows = replay(TestRecordings.gcRecording(), facts);

        assertThat(windows).hasSizeGreaterThanOrEqualTo(2);
        for (int i = 1; i < windows.size(); i++) {
            assertThat(windows.get(i).start()).as("window %d starts where %d ends", i, i - 1)
                    .isEqualTo(windows.get(i - 1).end());
        }
        assertThat(windows.subList(0, windows.size() - 1)).allSatisfy(w -> assertThat(w.length()).isEqualTo(ONE_SECOND));
        assertThat(windows.get(0).start().toEpochMilli() % 1000).as("aligned to the window length").isZero();
        // the recording stops inside its last window, which ends there, as the live agent's last one does
        Window last = windows.get(windows.size() - 1);
        Instant recordingEnd = RecordingFile.readAllEvents(TestRecordings.gcRecording()).stream()
                .map(RecordedEvent::getEndTime).max(Comparator.naturalOrder()).orElseThrow();
        assertThat(last.end()).isAfter(last.start()).isBeforeOrEqualTo(recordingEnd);

        double gcs = windows.stream().mapToDouble(w -> w.value(Metric.GC_COUNT).orElse(0)).sum();
        assertThat(gcs).isGreaterThanOrEqualTo(TestRecordings.EXPLICIT_GCS);
        assertThat(windows.stream().filter(w -> w.value(Metric.GC_COUNT).isPresent())).hasSizeGreaterThanOrEqualTo(2);
        // System.gc() is a full collection under G1, Parallel and Serial, and a full one is an old one too
        double full = windows.stream().mapToDouble(w -> w.value(Metric.FULL_GC_COUNT).orElse(0)).sum();
        assertThat(full).isGreaterThanOrEqualTo(TestRecordings.EXPLICIT_GCS);
        assertThat(windows.stream().mapToDouble(w -> w.value(Metric.OLD_GC_COUNT).orElse(0)).sum()).isGreaterThanOrEqualTo(full);
        assertThat(windows).filteredOn(w -> w.value(Metric.GC_COUNT).isPresent())
                .allSatisfy(w -> assertThat(w.value(Metric.HEAP_USED_AFTER_GC)).isPresent());
        assertThat(windows).flatMap(w -> w.value(Metric.HEAP_USED_AFTER_GC).stream().boxed().toList())
                .allSatisfy(used -> assertThat(used).isPositive().isLessThanOrEqualTo((double) Runtime.getRuntime().maxMemory()));
        assertThat(windows).flatMap(w -> w.value(Metric.CPU_JVM_USER).stream().boxed().toList())
                .isNotEmpty()
                .allSatisfy(cpu -> assertThat(cpu).isBetween(0.0, 1.0));
        assertThat(windows.stream().mapToLong(Window::events).sum()).isPositive();

        assertThat(facts.toJvmInfo().pid()).isEqualTo(ProcessHandle.current().pid());
        assertThat(facts.heapMaxBytes()).isPositive();
        assertThat(facts.toJvmInfo().gc()).isNotBlank();
        assertThat(facts.toJvmInfo().javaVersion()).startsWith(String.valueOf(Runtime.version().feature()));
    }

    @Test
    void recordingWhoseSecondChunkIsCutShortIsReadUpToTheDamageAndSaysSo() throws Exception {
        byte[] first = Files.readAllBytes(TestRecordings.gcRecording());
        byte[] second = Files.readAllBytes(TestRecordings.busyRecording());
        byte[] cut = Arrays.copyOf(first, first.length + second.length / 2);
        System.arraycopy(second, 0, cut, first.length, second.length / 2);
        Path file = Files.write(dir.resolve("cut.jfr"), cut);
        List<Window> windows = new ArrayList<>();

        RecordingFileSource.Outcome outcome = new RecordingFileSource(file, ONE_SECOND).replay(new RecordedJvmFacts(), windows::add);

        assertThat(outcome.damage()).contains("cut.jfr is damaged after", "chunk 2 is cut short", "only the events before");
        assertThat(outcome.events()).isPositive();
        double gcs = windows.stream().mapToDouble(w -> w.value(Metric.GC_COUNT).orElse(0)).sum();
        assertThat(gcs).as("the whole first chunk was read").isGreaterThanOrEqualTo(TestRecordings.EXPLICIT_GCS);
    }

    @Test
    void progressRisesToTheFileSizeAndNeverGoesBack() throws Exception {
        Path file = TestRecordings.busyRecording();
        List<long[]> updates = new ArrayList<>();

        new RecordingFileSource(file, ONE_SECOND).replay(new RecordedJvmFacts(), w -> {}, (read, total) -> updates.add(new long[] {read, total}));

        assertThat(updates).hasSizeGreaterThan(1).allSatisfy(u -> assertThat(u[1]).isEqualTo(Files.size(file)));
        for (int i = 1; i < updates.size(); i++) {
            assertThat(updates.get(i)[0]).isGreaterThanOrEqualTo(updates.get(i - 1)[0]);
        }
        assertThat(updates.get(updates.size() - 1)[0]).isEqualTo(Files.size(file));
    }

    @Test
    void replayingTheSameFileTwiceGivesTheSameWindows() throws Exception {
        List<Window> first = replay(TestRecordings.gcRecording(), new RecordedJvmFacts());
        List<Window> second = replay(TestRecordings.gcRecording(), new RecordedJvmFacts());

        assertThat(second).isEqualTo(first);
    }
}
