package dev.precog.analyzer.window;

import static org.assertj.core.api.Assertions.assertThat;

import dev.precog.model.ClassWeight;
import java.util.List;
import org.junit.jupiter.api.Test;

class ClassWeightTableTest {

    @Test
    void aHeavySiteSeenAfterManyLightOnesIsStillTheHeaviest() {
        ClassWeightTable table = new ClassWeightTable(16);
        for (int i = 0; i < 30; i++) {
            table.add("com.acme.Order", 1_000, "com.acme.Light.site" + i + ":1");
        }
        for (int i = 0; i < 20; i++) {
            table.add("com.acme.Order", 50_000, "com.acme.Checkout.place:77");
        }

        List<ClassWeight> top = table.top(1);

        assertThat(top).singleElement().satisfies(cw -> {
            assertThat(cw.site()).isEqualTo("com.acme.Checkout.place:77");
            assertThat(cw.bytes()).isEqualTo(30 * 1_000L + 20 * 50_000L);
            assertThat(cw.samples()).isEqualTo(50);
        });
    }

    @Test
    void classesBeyondCapacityAreCountedAsDropped() {
        ClassWeightTable table = new ClassWeightTable(2);
        table.add("a.A", 10, null);
        table.add("b.B", 20, null);
        table.add("c.C", 30, null);

        assertThat(table.dropped()).isEqualTo(1);
        assertThat(table.top(5)).extracting(ClassWeight::className).containsExactly("b.B", "a.A");
    }
}
