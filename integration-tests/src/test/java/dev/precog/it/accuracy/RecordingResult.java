package dev.precog.it.accuracy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * One backtested recording, as kept in docs/forecast-accuracy.json: where it came from and the
 * {@code backtest} answer as the command gave it (so fields it adds later are kept too).
 *
 * @param name the scenario's name, or the name given to a recording made elsewhere
 * @param jdk the JDK that made the recording ("jdk17")
 * @param jdkVersion its full version
 * @param workload the main class and its arguments, as the recording has them
 * @param jvmFlags the JVM's flags that matter to the heap (-Xmx, the collector), as recorded
 * @param window the backtest's {@code --window}
 * @param note what went wrong, empty when nothing did
 * @param backtest the command's JSON answer, or null when it failed
 */
record RecordingResult(String name, String shape, String jdk, String jdkVersion, String workload, String jvmFlags,
        String recording, long recordingBytes, double recordedSeconds, long garbageCollections, String window, String note,
        JsonNode backtest) {

    List<SeriesAccuracy> series() {
        List<SeriesAccuracy> out = new ArrayList<>();
        if (backtest != null) {
            backtest.path("series").forEach(s -> out.add(SeriesAccuracy.from(s)));
        }
        return out;
    }

    String key() {
        return name + "|" + jdk;
    }

    RecordingResult withBacktest(JsonNode answer, String failure) {
        return new RecordingResult(name, shape, jdk, jdkVersion, workload, jvmFlags, recording, recordingBytes, recordedSeconds,
                garbageCollections, window, failure, answer);
    }
}
