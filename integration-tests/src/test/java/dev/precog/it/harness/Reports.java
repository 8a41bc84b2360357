package dev.precog.it.harness;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.assertj.core.api.ThrowingConsumer;
import org.awaitility.Awaitility;

/** Reading report files and checking them against the published JSON Schema. */
public final class Reports {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static JsonSchema schema;

    private Reports() {}

    public static Path file(Path dir, long pid) {
        return dir.resolve("precog-report-" + pid + ".json");
    }

    /** The HTML page the agent writes beside the report. */
    public static Path page(Path dir, long pid) {
        return dir.resolve("precog-report-" + pid + ".html");
    }

    /** The report, or empty while it does not exist yet. */
    public static Optional<JsonNode> read(Path file) {
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(MAPPER.readTree(file.toFile()));
        } catch (IOException e) {
            throw new AssertionError("report " + file + " is not valid JSON (it must be replaced atomically): " + e.getMessage());
        }
    }

    /**
     * Polls {@code service}'s report every second, for at most {@code atMost}, until it passes
     * {@code check}; returns the report that passed. Fails at once when the service dies, and
     * while there is no report yet the failure says so.
     */
    public static JsonNode await(ChildJvm service, Path reportFile, String what, Duration atMost,
            ThrowingConsumer<JsonNode> check) {
        AtomicReference<JsonNode> passed = new AtomicReference<>();
        Awaitility.await(what + " in " + reportFile).atMost(atMost).pollInterval(Duration.ofSeconds(1))
                .untilAsserted(() -> {
                    assertThat(service.isAlive()).as(service::describe).isTrue();
                    JsonNode r = read(reportFile).orElseThrow(() -> new AssertionError("no report yet"));
                    check.accept(r);
                    passed.set(r);
                });
        return passed.get();
    }

    public static JsonNode parse(String json) throws IOException {
        return MAPPER.readTree(json);
    }

    /** Findings of {@code kind} in the report. */
    public static List<JsonNode> findings(JsonNode report, String kind) {
        List<JsonNode> out = new ArrayList<>();
        for (JsonNode f : report.path("findings")) {
            if (kind.equals(f.path("kind").asText())) {
                out.add(f);
            }
        }
        return out;
    }

    public static Optional<JsonNode> forecast(JsonNode report, String metric) {
        for (JsonNode f : report.path("forecasts")) {
            if (metric.equals(f.path("metric").asText())) {
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }

    /** Schema violations of {@code report}; empty when it conforms. */
    /** The report's notes that say detectors failed (their findings would be missing): none expected. */
    public static List<String> detectorFailures(JsonNode report) {
        List<String> out = new ArrayList<>();
        report.path("analysis").path("notes").forEach(n -> {
            if (n.asText().contains("detector runs failed")) {
                out.add(n.asText());
            }
        });
        return out;
    }

    public static Set<ValidationMessage> violations(JsonNode report) throws IOException {
        return schema().validate(report);
    }

    private static synchronized JsonSchema schema() throws IOException {
        if (schema == null) {
            try (InputStream in = Files.newInputStream(Paths.schema())) {
                schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in);
            }
        }
        return schema;
    }
}
