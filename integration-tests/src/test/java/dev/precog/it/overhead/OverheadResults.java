package dev.precog.it.overhead;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** docs/overhead.json: the raw runs of every JDK benchmarked, from which docs/overhead.md is rendered. */
record OverheadResults(List<JdkResults> jdks) {

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    static OverheadResults read(Path file) throws IOException {
        return Files.exists(file) ? MAPPER.readValue(file.toFile(), OverheadResults.class) : new OverheadResults(List.of());
    }

    /** These results with {@code fresh} in place of the same JDK's, ordered by JDK feature number. */
    OverheadResults with(JdkResults fresh) {
        List<JdkResults> out = new ArrayList<>(jdks.stream().filter(j -> !j.jdk().equals(fresh.jdk())).toList());
        out.add(fresh);
        out.sort(Comparator.comparingInt((JdkResults j) -> Integer.parseInt("0" + j.jdk().replaceAll("\\D", ""))));
        return new OverheadResults(out);
    }

    /** Written beside the target and renamed, so a reader never sees half a file. */
    void write(Path file) throws IOException {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        MAPPER.writeValue(tmp.toFile(), this);
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
