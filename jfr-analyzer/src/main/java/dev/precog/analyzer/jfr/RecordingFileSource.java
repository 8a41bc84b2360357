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
     * Reads the whole file, handing each closed window to {@code windows}. A file damaged part
     * way (a crash cut it short) is read up to the damage, and the outcome says so.
     *
     * @param facts filled with what the recording says about its JVM as it is read
     * @throws UnreadableRecordingException with a one-line reason when the file is missing,
     *     unreadable, not a recording, or has no readable event
     */
    public Outcome replay(RecordedJvmFacts facts, Consumer<Window> windows) throws UnreadableRecordingException {
        checkReadable();
        WindowAccumulator accumulator = null;
        Dispatcher dispatcher = null;
        Instant windowEnd = null;
        long events = 0;
        String damage = null;
        try (RecordingFile recording = open()) {
            while (true) {
                RecordedEvent event;
                try {
                    if (!recording.hasMoreEvents()) {
                        break;
                    }
                    event = recording.readEvent();
                } catch (IOException | RuntimeException e) {
                    if (events == 0) {
                        throw new UnreadableRecordingException(file + " is not a readable JFR recording: " + reason(e));
                    }
                    damage = file.getFileName() + " is damaged after " + events + " events (" + reason(e)
                            + "); only the events before the damage were analysed";
                    break;
                }
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
        } catch (IOException e) {
            // closing failed after everything was read; nothing is lost
        }
        if (accumulator == null) {
            throw new UnreadableRecordingException(file + " holds no JFR events");
        }
        windows.accept(accumulator.close(windowEnd));
        return new Outcome(events, damage);
    }

    private RecordingFile open() throws UnreadableRecordingException {
        try {
            return new RecordingFile(file);
        } catch (IOException | RuntimeException e) {
            // The constructor reads the first chunk's header: a cut-off file fails here.
            throw new UnreadableRecordingException(file + " is not a readable JFR recording: " + reason(e));
        }
    }

    /** How the reading went: events read, and what was wrong with the file if it was damaged (else null). */
    public record Outcome(long events, String damage) {}

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
