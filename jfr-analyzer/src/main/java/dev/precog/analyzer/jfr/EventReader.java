package dev.precog.analyzer.jfr;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Consumer;
import jdk.jfr.consumer.RecordedEvent;

/** Reads a recording's events in file order, handing each event of a wanted type to that type's consumer. */
public interface EventReader {

    /**
     * Reads {@code file} to its end; events of types not in {@code consumers} may be skipped
     * unparsed. The event handed over is valid only during the call (readers reuse it).
     *
     * @throws IOException or a RuntimeException from the JDK's parser when the file cannot be read on
     */
    void read(Path file, Map<String, Consumer<RecordedEvent>> consumers) throws IOException;
}
