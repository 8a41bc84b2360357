package dev.precog.analyzer.jfr;

import dev.precog.analyzer.window.WindowAccumulator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Consumer;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;
import dev.precog.model.Window;

/**
 * Replays a .jfr file through the same handlers as the live stream. Windows are cut by the
 * events' own timestamps, so a recording gives the same windows whenever it is read.
 */
public final class RecordingFileSource {

    private final Path file;
    private final Duration windowLength;

    public RecordingFileSource(Path file, Duration windowLength) {
        this.file = file;
        this.windowLength = windowLength;
    }

    /**
     * Reads the whole file, handing each closed window to {@code windows}.
     *
     * @param facts filled with what the recording says about its JVM as it is read
     * @throws UnreadableRecordingException with a one-line reason when the file is missing,
     *     unreadable, not a recording, or corrupt
     */
    public void replay(RecordedJvmFacts facts, Consumer<Window> windows) throws UnreadableRecordingException {
        checkReadable();
        WindowAccumulator accumulator = null;
        Dispatcher dispatcher = null;
        Instant windowEnd = null;
        long events = 0;
        try (RecordingFile recording = new RecordingFile(file)) {
            while (recording.hasMoreEvents()) {
                RecordedEvent event = recording.readEvent();
                events++;
                Instant t = event.getEndTime();
                if (accumulator == null) {
                    Instant start = alignedStart(t);
                    accumulator = new WindowAccumulator(start);
                    dispatcher = new Dispatcher(HandlerRegistry.offline(accumulator, facts));
                    windowEnd = start.plus(windowLength);
                }
                while (!t.isBefore(windowEnd)) {
                    windows.accept(accumulator.close(windowEnd));
                    windowEnd = windowEnd.plus(windowLength);
                }
                dispatcher.dispatch(event);
            }
        } catch (IOException | RuntimeException e) {
            throw new UnreadableRecordingException(file + " is not a readable JFR recording"
                    + (events > 0 ? " (corrupt after " + events + " events)" : "") + ": " + reason(e));
        }
        if (accumulator == null) {
            throw new UnreadableRecordingException(file + " holds no JFR events");
        }
        windows.accept(accumulator.close(windowEnd));
    }

    private void checkReadable() throws UnreadableRecordingException {
        if (!Files.exists(file)) {
            throw new UnreadableRecordingException(file + " does not exist");
        }
        if (Files.isDirectory(file)) {
            throw new UnreadableRecordingException(file + " is a directory, not a .jfr file");
        }
        if (!Files.isReadable(file)) {
            throw new UnreadableRecordingException(file + " is not readable (check its permissions)");
        }
    }

    private Instant alignedStart(Instant first) {
        long len = windowLength.toMillis();
        return Instant.ofEpochMilli(first.toEpochMilli() / len * len);
    }

    private static String reason(Exception e) {
        if (e instanceof NoSuchFileException) {
            return "no such file";
        }
        String message = e.getMessage();
        if (e instanceof IOException && message != null && !message.isBlank()) {
            return message;
        }
        // The JDK's parser reports a cut-off file as an index or buffer error; say what it means.
        return "the file is truncated or corrupt (" + e.getClass().getSimpleName() + ")";
    }
}
