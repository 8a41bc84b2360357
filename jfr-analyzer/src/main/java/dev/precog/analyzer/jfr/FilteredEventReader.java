package dev.precog.analyzer.jfr;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Consumer;
import jdk.jfr.consumer.EventStream;
import jdk.jfr.consumer.RecordedEvent;

/**
 * Parses only the event types asked for: {@code EventStream.openFile} with one {@code onEvent}
 * per type skips every other event by its size without decoding it (RecordingFile, the JDK 17
 * alternative, has no filter and decodes every field of every event). Unordered, so events come
 * in file order, the order {@code RecordingFile} gives, with no per-chunk buffering.
 */
public final class FilteredEventReader implements EventReader {

    @Override
    public void read(Path file, Map<String, Consumer<RecordedEvent>> consumers) throws IOException {
        try (EventStream stream = EventStream.openFile(file)) {
            stream.setReuse(true);
            stream.setOrdered(false);
            consumers.forEach(stream::onEvent);
            // the stream's default prints a consumer's exception and goes on; the caller must get it, as from RecordingFile
            stream.onError(e -> {
                throw e instanceof RuntimeException r ? r : new IllegalStateException(e);
            });
            stream.start();
        }
    }
}
