package dev.precog.analyzer.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.precog.model.Report;
import java.lang.reflect.Constructor;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The hand-written report JSON against what Jackson, which wrote it before, writes for the same
 * report: every member of every report type, nulls, odd strings and numbers, and the layout.
 */
class ReportJsonTest {

    private static final ObjectMapper JACKSON = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(SerializationFeature.INDENT_OUTPUT);

    /**
     * An instance of {@code type} with every component set (when {@code nulls} is false) or every
     * nullable one null; lists hold two elements, so separators are written too.
     */
    private static Object sample(Type type, boolean nulls, int depth) throws Exception {
        Class<?> raw = type instanceof ParameterizedType p ? (Class<?>) p.getRawType() : (Class<?>) type;
        if (raw == int.class || raw == Integer.class) {
            return 7 + depth;
        } else if (raw == long.class || raw == Long.class) {
            return 1_234_567_890_123L + depth;
        } else if (raw == double.class || raw == Double.class) {
            return 0.000123 * (depth + 1);
        } else if (raw == boolean.class || raw == Boolean.class) {
            return true;
        } else if (raw == String.class) {
            return "text \"quoted\" \\ é\n" + depth;
        } else if (raw == Instant.class) {
            return Instant.parse("2026-12-02T05:00:00.123456Z").plusSeconds(depth);
        } else if (raw.isEnum()) {
            return raw.getEnumConstants()[depth % raw.getEnumConstants().length];
        } else if (raw == List.class) {
            Type element = ((ParameterizedType) type).getActualTypeArguments()[0];
            return List.of(sample(element, nulls, depth + 1), sample(element, nulls, depth + 2));
        } else if (raw == Map.class) {
            Map<String, Object> evidence = new LinkedHashMap<>();
            evidence.put("count", 3);
            evidence.put("ratio", 0.25);
            evidence.put("notANumber", Double.NaN);
            evidence.put("control\u0001", "tab\there");
            evidence.put("nested", Map.of("list", List.of(1L, 2.5, "three"), "empty", List.of(), "none", Map.of()));
            evidence.put("array", new double[] {1.5, -2});
            evidence.put("at", Instant.EPOCH);
            return evidence;
        } else if (raw.isRecord()) {
            RecordComponent[] components = raw.getRecordComponents();
            Object[] values = new Object[components.length];
            Class<?>[] types = new Class<?>[components.length];
            for (int i = 0; i < components.length; i++) {
                types[i] = components[i].getType();
                boolean nullable = !types[i].isPrimitive() && types[i] != List.class && types[i] != Map.class;
                values[i] = nulls && nullable && depth > 0 ? null : sample(components[i].getGenericType(), nulls, depth + 1);
            }
            Constructor<?> canonical = raw.getDeclaredConstructor(types);
            return canonical.newInstance(values);
        }
        throw new IllegalArgumentException("no sample for " + type);
    }

    private static JsonNode tree(String json) throws Exception {
        return JACKSON.readTree(json);
    }

    @Test
    void everyMemberOfEveryReportTypeIsWrittenAsJacksonWroteIt() throws Exception {
        Report report = (Report) sample(Report.class, false, 0);
        String ours = ReportJson.toJson(report);
        assertThat(tree(ours)).isEqualTo(tree(JACKSON.writeValueAsString(report)));
        assertThat(ours).as("the same layout, member for member").isEqualTo(JACKSON.writeValueAsString(report));
    }

    @Test
    void nullMembersAreWrittenAsNull() throws Exception {
        Report report = (Report) sample(Report.class, true, 0);
        String ours = ReportJson.toJson(report);
        assertThat(tree(ours)).isEqualTo(tree(JACKSON.writeValueAsString(report)));
        assertThat(tree(ours).path("jvm").path("pid").isNull()).isTrue();
        assertThat(tree(ours).path("heapDumpSuggestion").path("autoDump").isNull()).isTrue();
    }

    @Test
    void aRecordWithoutItsOwnWriterIsWrittenByItsComponents() throws Exception {
        record Unknown(String name, List<Integer> values, Double share) {}
        Report sample = (Report) sample(Report.class, false, 0);
        Map<String, Object> evidence = new LinkedHashMap<>();
        evidence.put("unknown", new Unknown("x", List.of(1, 2), null));
        List<dev.precog.model.Finding> findings = new ArrayList<>();
        dev.precog.model.Finding f = sample.findings().get(0);
        findings.add(new dev.precog.model.Finding(f.id(), f.kind(), f.severity(), f.confidence(), f.firstDetectedAt(), f.pattern(),
                f.summary(), evidence, f.suspects(), f.suggestions()));
        Report report = new Report(sample.schemaVersion(), sample.generatedAt(), sample.jvm(), sample.host(), sample.analysis(),
                findings, List.of(), null, null);
        assertThat(tree(ReportJson.toJson(report)).path("findings").path(0).path("evidence").path("unknown"))
                .isEqualTo(tree("{\"name\":\"x\",\"values\":[1,2],\"share\":null}"));
    }
}
