package dev.precog.agent.profiler;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class CollapsedStacksTest {

    private static final String COLLAPSED = """
            java.lang.Thread.run;app.Render.loop;app.Render.layout 17
            java.lang.Thread.run;app.Render.loop;app.Render.layout 3
            java.lang.Thread.run;app.Render.loop;app.Render.paint 5
            clone3;start_thread;CompileBroker::compiler_thread_loop 2
            [INFO] No samples were collected
            """;

    @Test
    void equalStacksOnSeveralLinesAreSummedAndSortedHeaviestFirstLeafFirst() {
        CollapsedStacks stacks = CollapsedStacks.parse(COLLAPSED);

        assertThat(stacks.totalSamples()).isEqualTo(27);
        List<CollapsedStacks.TopStack> top = stacks.top(2, 20);
        assertThat(top).hasSize(2);
        assertThat(top.get(0).frames()).containsExactly("app.Render.layout", "app.Render.loop", "java.lang.Thread.run");
        assertThat(top.get(0).samples()).isEqualTo(20);
        assertThat(top.get(0).share()).isEqualTo(0.741);
        assertThat(top.get(1).frames().get(0)).isEqualTo("app.Render.paint");
    }

    @Test
    void deepStacksKeepTheirInnermostFrames() {
        CollapsedStacks stacks = CollapsedStacks.parse("a;b;c;d;e 4\n");

        assertThat(stacks.top(5, 2)).singleElement().satisfies(s -> assertThat(s.frames()).containsExactly("e", "d"));
    }

    @Test
    void emptyOrNoiseOnlyOutputHasNoStacks() {
        assertThat(CollapsedStacks.parse("").totalSamples()).isZero();
        assertThat(CollapsedStacks.parse("Profiling stopped after 2 seconds\n").top(5, 20)).isEmpty();
    }
}
