package dev.precog.agent;

import static org.assertj.core.api.Assertions.assertThat;

import dev.precog.model.ClassWeight;
import dev.precog.model.Window;
import java.lang.instrument.Instrumentation;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import net.bytebuddy.agent.ByteBuddyAgent;
import org.junit.jupiter.api.Test;

class ObjectGraphSizeTest {

    /** Every object 16 bytes, so the walk itself can be checked. */
    private static final ObjectGraphSize SIXTEEN = new ObjectGraphSize(o -> 16);

    record Pair(Object left, Object right) {}

    @Test
    void sharedObjectsCountOnceAndEnumsNever() {
        Object shared = new Object();
        assertThat(SIXTEEN.of(new Pair(shared, shared), o -> false)).isEqualTo(16 + 16);
        assertThat(SIXTEEN.of(new Pair(Thread.State.NEW, null), o -> false)).isEqualTo(16);
    }

    @Test
    void stringsCountTheirCharactersAndJdkCollectionsTheirEntries() {
        // 16 for the String, its array header and 10 Latin-1 characters rounded up to 8 bytes
        assertThat(SIXTEEN.of("0123456789", o -> false)).isEqualTo(16 + 32);
        Map<Object, Object> map = Map.of(new Object(), new Object());
        assertThat(SIXTEEN.of(map, o -> false)).isEqualTo(16 + ObjectGraphSize.MAP_ENTRY_BYTES + 2 * 16);
        List<Object> list = List.of(new Object(), new Object(), new Object());
        assertThat(SIXTEEN.of(list, o -> false)).isEqualTo(16 + 3 * ObjectGraphSize.ELEMENT_BYTES + 3 * 16);
    }

    @Test
    void skippedObjectsAndWhatOnlyTheyReachAreLeftOut() {
        Pair inner = new Pair(new Object(), new Object());
        assertThat(SIXTEEN.of(new Pair(inner, new Object()), o -> o == inner)).isEqualTo(16 + 16);
    }

    @Test
    void aWindowWithManyLongClassNamesMeasuresAtLeastItsCharacters() {
        Instrumentation inst = ByteBuddyAgent.install();
        ObjectGraphSize real = new ObjectGraphSize(inst::getObjectSize);
        List<ClassWeight> weights = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            weights.add(new ClassWeight("com.example.some.rather.long.package.name.ClassNumber" + i, i, 1, null));
        }
        Window w = new Window(Instant.EPOCH, Instant.EPOCH.plusSeconds(10), Map.of(), Map.of(), weights, 1000);
        long bytes = real.of(w, o -> false);
        // 1000 names of about 56 characters, 1000 records of 4 fields: no less than 80 KB, and not wildly more
        assertThat(bytes).isBetween(80_000L, 200_000L);
    }
}
