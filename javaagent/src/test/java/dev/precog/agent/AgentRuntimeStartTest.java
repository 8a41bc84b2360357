package dev.precog.agent;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AgentRuntimeStartTest {

    @Test
    void startedWithTheJvmTheHostSourceAndTheMBeanWaitOneWindow() throws Exception {
        assertThat(AgentRuntime.deferredStartMillis(AgentStarter.STARTUP_MODE, AgentOptions.parse("window=10s")))
                .isEqualTo(10_000);
        assertThat(AgentRuntime.deferredStartMillis(AgentStarter.STARTUP_MODE, AgentOptions.parse("window=1s"))).isEqualTo(1_000);
    }

    @Test
    void attachedTheyStartAtOnce() throws Exception {
        assertThat(AgentRuntime.deferredStartMillis("attach", AgentOptions.parse("window=10s"))).isZero();
    }
}
