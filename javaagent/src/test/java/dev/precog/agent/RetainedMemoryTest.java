package dev.precog.agent;

import static org.assertj.core.api.Assertions.assertThat;

import dev.precog.model.ClassWeight;
import dev.precog.model.Window;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RetainedMemoryTest {

    private static Window detailed(int i) {
        Instant start = Instant.EPOCH.plusSeconds(10L * i);
        return new Window(start, start.plusSeconds(10), Map.of(), Map.of(), List.of(), 0, List.of(),
                List.of(new ClassWeight("com.example.Hot.method", 0, 5, null)), List.of(), List.of());
    }

    @Test
    void followsTheTimelinesRetentionFullThenCompactThenGone() {
        RetainedMemory memory = new RetainedMemory(o -> 16, 4, 2);
        long full = new ObjectGraphSize(o -> 16).of(detailed(0), o -> false);
        long compact = new ObjectGraphSize(o -> 16).of(detailed(0).withoutDetail(), o -> false);
        assertThat(full).isGreaterThan(compact);
        memory.windowAdded(detailed(0));
        memory.windowAdded(detailed(1));
        assertThat(memory.bytes()).isEqualTo(2 * full + 16);
        memory.windowAdded(detailed(2));
        assertThat(memory.bytes()).as("the oldest is cut to its compact form").isEqualTo(2 * full + compact + 16);
        memory.windowAdded(detailed(3));
        memory.windowAdded(detailed(4));
        memory.windowAdded(detailed(5));
        assertThat(memory.bytes()).as("four held: two full, two compact").isEqualTo(2 * full + 2 * compact + 16);
    }

    @Test
    void windowsReachedFromOtherRootsAreNotCountedTwice() {
        RetainedMemory memory = new RetainedMemory(o -> 16, 4, 2);
        memory.windowAdded(detailed(0));
        long alone = memory.bytes();
        assertThat(memory.bytes(List.of(detailed(0)))).isEqualTo(alone + 16 + ObjectGraphSize.ELEMENT_BYTES);
    }
}
