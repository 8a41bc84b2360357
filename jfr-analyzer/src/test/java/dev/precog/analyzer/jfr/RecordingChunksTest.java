package dev.precog.analyzer.jfr;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RecordingChunksTest {

    @TempDir
    Path dir;

    @Test
    void aRecordingDumpedOnceIsOneWholeChunkCoveringItsEvents() throws IOException {
        Path file = TestRecordings.gcRecording();

        RecordingChunks chunks = RecordingChunks.read(file);

        assertThat(chunks.damage()).isNull();
        assertThat(chunks.fileSize()).isEqualTo(Files.size(file));
        assertThat(chunks.chunks()).singleElement().satisfies(c -> {
            assertThat(c.offset()).isZero();
            assertThat(c.size()).isEqualTo(Files.size(file));
            assertThat(c.durationNanos()).isPositive();
        });
        RecordingChunks.Chunk chunk = chunks.chunks().get(0);
        for (RecordedEvent e : RecordingFile.readAllEvents(file)) {
            long nanos = e.getEndTime().getEpochSecond() * 1_000_000_000L + e.getEndTime().getNano();
            assertThat(nanos).isBetween(chunk.startNanos(), chunk.startNanos() + chunk.durationNanos());
        }
    }

    @Test
    void concatenatedRecordingsAreChunksOneAfterTheOther() throws IOException {
        Path file = concatenate(TestRecordings.gcRecording(), TestRecordings.busyRecording());

        RecordingChunks chunks = RecordingChunks.read(file);

        assertThat(chunks.damage()).isNull();
        assertThat(chunks.chunks()).hasSize(2);
        RecordingChunks.Chunk second = chunks.chunks().get(1);
        assertThat(second.offset()).isEqualTo(Files.size(TestRecordings.gcRecording()));
        assertThat(second.offset() + second.size()).isEqualTo(Files.size(file));
    }

    @Test
    void progressGrowsWithTimeFromChunkToChunkAndStaysWithinTheFile() throws IOException {
        Path file = concatenate(TestRecordings.gcRecording(), TestRecordings.busyRecording());
        RecordingChunks chunks = RecordingChunks.read(file);
        RecordingChunks.Chunk first = chunks.chunks().get(0);
        RecordingChunks.Chunk second = chunks.chunks().get(1);

        long atStart = chunks.bytesBefore(first.startNanos());
        long halfwayThroughFirst = chunks.bytesBefore(first.startNanos() + first.durationNanos() / 2);
        long atSecond = chunks.bytesBefore(second.startNanos());
        long afterEnd = chunks.bytesBefore(second.startNanos() + 10 * second.durationNanos());

        assertThat(atStart).isZero();
        assertThat(halfwayThroughFirst).isCloseTo(first.size() / 2, org.assertj.core.data.Offset.offset(1L));
        assertThat(atSecond).isEqualTo(second.offset());
        assertThat(afterEnd).isEqualTo(chunks.fileSize());
    }

    @Test
    void aSecondChunkCutShortIsDamageAndTheFirstStaysReadable() throws IOException {
        byte[] whole = Files.readAllBytes(concatenate(TestRecordings.gcRecording(), TestRecordings.busyRecording()));
        long firstSize = Files.size(TestRecordings.gcRecording());
        Path cut = Files.write(dir.resolve("cut.jfr"), Arrays.copyOf(whole, (int) firstSize + 1000));

        RecordingChunks chunks = RecordingChunks.read(cut);

        assertThat(chunks.chunks()).hasSize(1);
        assertThat(chunks.damage()).contains("chunk 2 is cut short");
    }

    @Test
    void bytesThatAreNoRecordingHaveNoChunk() throws IOException {
        Path text = Files.writeString(dir.resolve("notes.jfr"), "FLR? no, just text, long enough for a chunk header to be read from it\n");

        RecordingChunks chunks = RecordingChunks.read(text);

        assertThat(chunks.chunks()).isEmpty();
        assertThat(chunks.damage()).contains("no JFR header");
    }

    private Path concatenate(Path first, Path second) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.write(Files.readAllBytes(first));
        bytes.write(Files.readAllBytes(second));
        return Files.write(dir.resolve("two-chunks.jfr"), bytes.toByteArray());
    }
}
