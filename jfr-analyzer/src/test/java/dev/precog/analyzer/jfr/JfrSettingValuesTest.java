package dev.precog.analyzer.jfr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.precog.analyzer.window.WindowAccumulator;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class JfrSettingValuesTest {

    @Test
    void thresholdsAndPeriodsGrowAndThrottlesShrink() {
        assertThat(JfrSettingValues.lowered(Map.of("threshold", "10 ms"), 5)).isEqualTo(Map.of("threshold", "50 ms"));
        assertThat(JfrSettingValues.lowered(Map.of("period", "1 s"), 3)).isEqualTo(Map.of("period", "3 s"));
        assertThat(JfrSettingValues.lowered(Map.of("throttle", "150/s"), 5)).isEqualTo(Map.of("throttle", "30/s"));
        assertThat(JfrSettingValues.lowered(Map.of("throttle", "3/s"), 5)).as("never to nothing").isEqualTo(Map.of("throttle", "1/s"));
    }

    @Test
    void valuesInAnotherFormAreKept() {
        assertThat(JfrSettingValues.lowered(Map.of("threshold", "0 ms"), 5)).isEqualTo(Map.of("threshold", "0 ms"));
        assertThat(JfrSettingValues.lowered(Map.of("period", "everyChunk"), 5)).isEqualTo(Map.of("period", "everyChunk"));
        assertThat(JfrSettingValues.lowered(Map.of("stackTrace", "true"), 5)).isEqualTo(Map.of("stackTrace", "true"));
        assertThatThrownBy(() -> JfrSettingValues.lowered(Map.of(), 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void everyNonZeroSettingOfTheLiveHandlersCanBeLowered() {
        var handlers = HandlerRegistry.live(new WindowAccumulator(Instant.EPOCH), allEventNames(), InboundConnections.NONE);
        assertThat(handlers).extracting(EventHandler::eventName).contains("jdk.ExecutionSample", "jdk.ThreadPark");
        for (EventHandler h : handlers) {
            h.settings().forEach((key, value) -> {
                String lowered = JfrSettingValues.lowered(Map.of(key, value), 5).get(key);
                if (!value.startsWith("0")) {
                    assertThat(lowered).as(h.eventName() + " " + key + " " + value).isNotEqualTo(value);
                }
            });
        }
    }

    /** Every name a live handler might ask for: the registry filters by what the JVM has, so offer all. */
    private static Set<String> allEventNames() {
        return HandlerRegistry.offline(new WindowAccumulator(Instant.EPOCH), new RecordedJvmFacts()).stream()
                .map(EventHandler::eventName).collect(Collectors.toSet());
    }
}
