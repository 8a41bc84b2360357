package dev.precog.agent.pool;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** How pools and their tasks are named in the events an operator reads. */
class PoolNamesTest {

    @Test
    void aWorkersNameLosesItsNumberToNameThePool() {
        assertThat(PoolSampler.namePrefix("thumbnail-12")).isEqualTo("thumbnail-");
        assertThat(PoolSampler.namePrefix("pool-3-thread-7")).isEqualTo("pool-3-thread-");
        assertThat(PoolSampler.namePrefix("ForkJoinPool.commonPool-worker-1")).isEqualTo("ForkJoinPool.commonPool-worker-");
        assertThat(PoolSampler.namePrefix("indexer")).isEqualTo("indexer");
        assertThat(PoolSampler.namePrefix("42")).isEqualTo("42");
        assertThat(PoolSampler.namePrefix(null)).isNull();
    }

    @Test
    void aLambdaIsNamedByTheClassThatWroteIt() {
        assertThat(TaskClasses.withoutLambdaSuffix("com.shop.Orders$$Lambda$41/0x0000000800c03000")).isEqualTo("com.shop.Orders");
        assertThat(TaskClasses.withoutLambdaSuffix("com.shop.Orders$$Lambda/0x000071f3a8004a00")).isEqualTo("com.shop.Orders");
        assertThat(TaskClasses.withoutLambdaSuffix("com.shop.Orders$Refund")).isEqualTo("com.shop.Orders$Refund");
    }
}
