package dev.precog.analyzer.jfr;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Consumer;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;

/**
 * The reference the filtered reader is checked against: {@code RecordingFile}, which decodes every
 * event of every type, each then looked up by its type's name (how the analyzer read files before).
 */
public final class FullParseEventReader implements EventReader {

    @Override
    public void read(Path file, Map<String, Consumer<RecordedEvent>> consumers) throws IOException {
        try (RecordingFile recording = new RecordingFile(file)) {
            while (recording.hasMoreEvents()) {
                RecordedEvent event = recording.readEvent();
                Consumer<RecordedEvent> consumer = consumers.get(event.getEventType().getName());
                if (consumer != null) {
                    consumer.accept(event);
                }
            }
        }
    }
}
