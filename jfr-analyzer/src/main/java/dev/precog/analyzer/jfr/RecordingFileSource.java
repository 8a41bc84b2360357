package dev.precog.analyzer.jfr;

import dev.precog.model.Window;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
import jdk.jfr.consumer.RecordedEvent;

/**
 * Replays a .jfr file through the same handlers as the live stream. Windows are cut by the
 * events' own timestamps, so a recording gives the same windows whenever it is read.
 */
public final class RecordingFileSource {

    private final Path file;
    private final Duration windowLength;
    private final EventReader reader;

    /** A source that parses only the event types Precog's handlers read. */
    public RecordingFileSource(Path file, Duration windowLength) {
        this(file, windowLength, new FilteredEventReader());
    }

    public RecordingFileSource(Path file, Duration windowLength, EventReader reader) {
        this.file = file;
        this.windowLength = windowLength;
        this.reader = reader;
    }

    /**
     * Reads the whole file, handing each closed window to {@code windows}. A file damaged part
     * way (a crash cut it short) is read up to the damage, and the outcome says so.
     *
     * @param facts filled with what the recording says about its JVM as it is read
     * @param progress told now and then how many of the file's bytes are read
     * @throws UnreadableRecordingException with a one-line reason when the file is missing,
     *     unreadable, not a recording, or has no readable event
     */
    public Outcome replay(RecordedJvmFacts facts, Consumer<Window> windows, ReplayProgress progress)
            throws UnreadableRecordingException {
        checkReadable();
        RecordingChunks chunks = chunks();
        WindowCutter cutter = new WindowCutter(windowLength, windows, chunks, progress);
        Dispatcher dispatcher = new Dispatcher(HandlerRegistry.offline(cutter.accumulator(), facts));
        String damage = null;
        try {
            reader.read(file, failuresMarked(dispatcher.consumers(cutter::advanceTo)));
        } catch (HandlerFailure e) {
            throw e.getCause(); // a handler's bug is no damage to the file
        } catch (IOException | RuntimeException e) {
            if (cutter.events() == 0) {
                throw new UnreadableRecordingException(file + " is not a readable JFR recording: " + reason(e));
            }
            damage = damaged(cutter.events(), reason(e));
        }
        if (cutter.events() == 0) {
            if (chunks.damage() != null) {
                throw new UnreadableRecordingException(file + " is not a readable JFR recording: " + chunks.damage());
            }
            throw new UnreadableRecordingException(file + " holds no JFR events");
        }
        if (damage == null && chunks.damage() != null) {
            // the JDK's event stream ends quietly where a file is cut short; the chunk headers tell
            damage = damaged(cutter.events(), chunks.damage());
        }
        cutter.finish();
        return new Outcome(cutter.events(), damage);
    }

    /** As {@link #replay(RecordedJvmFacts, Consumer, ReplayProgress)}, telling no one of the progress. */
    public Outcome replay(RecordedJvmFacts facts, Consumer<Window> windows) throws UnreadableRecordingException {
        return replay(facts, windows, ReplayProgress.NONE);
    }

    /** Wraps what the handlers throw, so that it is not taken for the parser's word on the file. */
    private static Map<String, Consumer<RecordedEvent>> failuresMarked(Map<String, Consumer<RecordedEvent>> consumers) {
        Map<String, Consumer<RecordedEvent>> marked = new LinkedHashMap<>();
        consumers.forEach((name, consumer) -> marked.put(name, event -> {
            try {
                consumer.accept(event);
            } catch (RuntimeException e) {
                throw new HandlerFailure(e);
            }
        }));
        return marked;
    }

    /** A handler's exception on its way through the reader. */
    private static final class HandlerFailure extends RuntimeException {
        private static final long serialVersionUID = 1L;

        HandlerFailure(RuntimeException cause) {
            super(cause);
        }

        @Override
        public synchronized RuntimeException getCause() {
            return (RuntimeException) super.getCause();
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

    /** The file's chunk headers; a file with not one whole chunk is no readable recording. */
    private RecordingChunks chunks() throws UnreadableRecordingException {
        RecordingChunks chunks;
        try {
            chunks = RecordingChunks.read(file);
        } catch (IOException e) {
            throw new UnreadableRecordingException(file + " is not a readable JFR recording: " + reason(e));
        }
        if (chunks.chunks().isEmpty()) {
            throw new UnreadableRecordingException(file + " is not a readable JFR recording: "
                    + (chunks.damage() == null ? "the file is empty" : chunks.damage()));
        }
        return chunks;
    }

    private String damaged(long events, String reason) {
        return file.getFileName() + " is damaged after " + events + " events (" + reason
                + "); only the events before the damage were analysed";
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
