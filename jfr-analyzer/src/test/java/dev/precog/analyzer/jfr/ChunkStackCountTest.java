package dev.precog.analyzer.jfr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ChunkStackCountTest {

    @Test
    void theSameStackObjectCountsOnceAndEqualButDistinctObjectsCountApart() {
        ChunkStackCount count = stacksOnly(100);
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
        ChunkStackCount count = stacksOnly(1000);
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
        ChunkStackCount count = stacksOnly(10);
        Object old = new Object();
        count.see(old);
        count.see(new Object());
        count.reset();
        assertThat(count.distinct()).isZero();
        count.see(old);
        assertThat(count.distinct()).as("a stack seen before the reset counts again").isEqualTo(1);
    }

    @Test
    void framesAreAddedOncePerDistinctStackAndTheirLimitFillsTheCountFirst() {
        AtomicInteger asked = new AtomicInteger();
        ChunkStackCount count = new ChunkStackCount(1000, 100, stack -> {
            asked.incrementAndGet();
            return ((String) stack).length();
        });
        String deep = "x".repeat(60);
        count.see(deep);
        count.see(deep);
        assertThat(count.frames()).isEqualTo(60);
        assertThat(asked).as("frames asked once per stack object").hasValue(1);
        assertThat(count.isFull()).isFalse();
        count.see("y".repeat(50));
        assertThat(count.isFull()).as("110 frames held of 100 allowed, in two stacks of a thousand").isTrue();
        count.see("z".repeat(10));
        assertThat(count.distinct()).as("counting stops once full").isEqualTo(2);
        count.reset();
        assertThat(count.frames()).isZero();
        assertThat(count.isFull()).isFalse();
    }

    @Test
    void aCountWithAHigherCapGoesOnPastFullSoHowFarPastIsKnown() {
        ChunkStackCount count = new ChunkStackCount(2, 100, 5, 1000, stack -> 64);
        for (int i = 0; i < 3; i++) {
            count.see(new Object());
        }
        assertThat(count.isFull()).as("three stacks of two, 192 frames of 100").isTrue();
        assertThat(count.frames()).isEqualTo(192);
        for (int i = 0; i < 10; i++) {
            count.see(new Object());
        }
        assertThat(count.distinct()).as("counted up to the cap").isEqualTo(5);
        assertThat(count.frames()).isEqualTo(320);
        assertThatThrownBy(() -> new ChunkStackCount(10, 100, 9, 100, stack -> 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ChunkStackCount(10, 100, 10, 99, stack -> 1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theLimitsMustBePositive() {
        assertThatThrownBy(() -> stacksOnly(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ChunkStackCount(10, 0, stack -> 1)).isInstanceOf(IllegalArgumentException.class);
    }

    private static ChunkStackCount stacksOnly(int limit) {
        return new ChunkStackCount(limit, Integer.MAX_VALUE, stack -> 1);
    }
}
