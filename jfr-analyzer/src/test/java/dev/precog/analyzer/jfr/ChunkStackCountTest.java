package dev.precog.analyzer.jfr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ChunkStackCountTest {

    @Test
    void theSameStackObjectCountsOnceAndEqualButDistinctObjectsCountApart() {
        ChunkStackCount count = new ChunkStackCount(100);
        Object stack = new Object();
        count.see(stack);
        count.see(stack);
        count.see(null);
        assertThat(count.distinct()).isEqualTo(1);
        // JFR hands each distinct stack of a chunk its own object: identity, not equality, tells them apart
        count.see(new String("frames"));
        count.see(new String("frames"));
        assertThat(count.distinct()).isEqualTo(3);
    }

    @Test
    void manyStacksAreCountedUpToTheLimit() {
        ChunkStackCount count = new ChunkStackCount(1000);
        Object[] stacks = new Object[5000];
        for (int i = 0; i < stacks.length; i++) {
            stacks[i] = new Object();
            count.see(stacks[i]);
            count.see(stacks[i / 2]);
        }
        assertThat(count.distinct()).isEqualTo(1000);
    }

    @Test
    void aResetStartsTheCountAfreshAtTheNextStack() {
        ChunkStackCount count = new ChunkStackCount(10);
        Object old = new Object();
        count.see(old);
        count.see(new Object());
        count.reset();
        assertThat(count.distinct()).isZero();
        count.see(old);
        assertThat(count.distinct()).as("a stack seen before the reset counts again").isEqualTo(1);
    }

    @Test
    void theLimitMustBePositive() {
        assertThatThrownBy(() -> new ChunkStackCount(0)).isInstanceOf(IllegalArgumentException.class);
    }
}
