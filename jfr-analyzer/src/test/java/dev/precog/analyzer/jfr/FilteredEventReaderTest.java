package dev.precog.analyzer.jfr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.precog.model.Window;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The filtered reader parses only the handled event types; the handlers must get all the same
 * events from it, in the same order, as from RecordingFile reading every event.
 */
class FilteredEventReaderTest {

    @Test
    void windowsAreTheSameAsWhenEveryEventIsParsed() throws Exception {
        Path file = TestRecordings.busyRecording();

        List<Window> filtered = replay(file, new FilteredEventReader());
        List<Window> full = replay(file, new FullParseEventReader());

        // field by field: a wait site's histogram is a byte array, equal by content only
        assertThat(filtered).usingRecursiveComparison().isEqualTo(full);
        // the recording exercises the handlers the skipping could starve
        assertThat(filtered).flatMap(Window::waits).isNotEmpty();
        assertThat(filtered).flatMap(Window::hotMethods).isNotEmpty();
    }

    @Test
    void aConsumersExceptionReachesTheCallerInsteadOfBeingPrinted() {
        IllegalStateException bug = new IllegalStateException("a handler's bug");

        assertThatThrownBy(() -> new FilteredEventReader().read(TestRecordings.gcRecording(),
                Map.of("jdk.GarbageCollection", e -> {
                    throw bug;
                })))
                .isSameAs(bug);
    }

    private static List<Window> replay(Path file, EventReader reader) throws UnreadableRecordingException {
        List<Window> windows = new ArrayList<>();
        new RecordingFileSource(file, Duration.ofSeconds(1), reader).replay(new RecordedJvmFacts(), windows::add);
        return windows;
    }
}
