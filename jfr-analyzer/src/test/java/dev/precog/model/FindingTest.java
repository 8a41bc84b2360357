package dev.precog.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FindingTest {

    @Test
    void evidenceKeepsTheDetectorsOrder() {
        Map<String, Object> evidence = new LinkedHashMap<>();
        for (String key : List.of("pattern", "growthBytesPerSecond", "rSquared", "windows", "a", "z", "patternReason")) {
            evidence.put(key, key.length());
        }

        Finding f = finding(evidence);

        assertThat(f.evidence().keySet()).containsExactly("pattern", "growthBytesPerSecond", "rSquared", "windows", "a", "z",
                "patternReason");
        assertThat(f.withIdentity("leak:x", Instant.EPOCH).evidence().keySet()).containsExactlyElementsOf(f.evidence().keySet());
    }

    @Test
    void evidenceIsACopyThatCannotChangeAndHoldsNoNulls() {
        Map<String, Object> evidence = new HashMap<>(Map.of("k", 1));
        Finding f = finding(evidence);
        evidence.put("later", 2);

        assertThat(f.evidence()).containsOnlyKeys("k");
        assertThatThrownBy(() -> f.evidence().put("x", 3)).isInstanceOf(UnsupportedOperationException.class);
        Map<String, Object> withNull = new HashMap<>();
        withNull.put("missing", null);
        assertThatThrownBy(() -> finding(withNull)).isInstanceOf(NullPointerException.class).hasMessageContaining("missing");
    }

    private static Finding finding(Map<String, Object> evidence) {
        return new Finding("leak:1", FindingKind.MEMORY_LEAK, Severity.WARNING, 0.9, Instant.EPOCH, "LINEAR", "s", evidence,
                List.of(), List.of());
    }
}
