package dev.precog.it.accuracy;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * docs/forecast-accuracy.json: every backtested recording with the command's answer, from which
 * the Markdown page is rendered. A rerun of a subset replaces its own entries and keeps the rest.
 */
record AccuracyResults(String generatedAt, String command, List<RecordingResult> recordings) {

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    /** The recordings of an earlier run, or none when there is no file yet. */
    static List<RecordingResult> read(Path file) throws IOException {
        if (!Files.exists(file)) {
            return List.of();
        }
        AccuracyResults earlier = MAPPER.readValue(file.toFile(), AccuracyResults.class);
        return earlier.recordings() == null ? List.of() : earlier.recordings();
    }

    /** Written beside the target and renamed, so a reader never sees half a file. */
    void write(Path file) throws IOException {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        MAPPER.writeValue(tmp.toFile(), this);
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /**
     * {@code kept} with {@code fresh} in place of the entries of the same recording and JDK,
     * ordered by {@code names} (unknown names last), then by JDK.
     */
    static List<RecordingResult> merge(Collection<RecordingResult> kept, Collection<RecordingResult> fresh, List<String> names) {
        Map<String, RecordingResult> byKey = new LinkedHashMap<>();
        kept.forEach(r -> byKey.put(r.key(), r));
        fresh.forEach(r -> byKey.put(r.key(), r));
        List<RecordingResult> out = new ArrayList<>(byKey.values());
        out.sort(Comparator.comparingInt((RecordingResult r) -> names.contains(r.name()) ? names.indexOf(r.name()) : names.size())
                .thenComparing(RecordingResult::name)
                .thenComparing(RecordingResult::jdk));
        return out;
    }
}
