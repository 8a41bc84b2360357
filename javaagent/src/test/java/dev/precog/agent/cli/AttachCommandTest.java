package dev.precog.agent.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.InvocationTargetException;
import org.junit.jupiter.api.Test;

class AttachCommandTest {

    @Test
    void theInnermostMessageIsShownNotTheWrappersNull() {
        Exception wrapped = new IllegalStateException(new InvocationTargetException(
                new java.io.IOException("Connection refused: no attach listener")));
        assertThat(AttachCommand.rootCause(wrapped)).isEqualTo("IOException: Connection refused: no attach listener");
    }

    @Test
    void refusedDynamicLoadingGetsAdvice() {
        Exception e = new IllegalStateException(new RuntimeException("com.sun.tools.attach.AgentLoadException: Failed to load agent library"));
        assertThat(AttachCommand.rootCause(e)).contains("-XX:+EnableDynamicAgentLoading", "-javaagent");
    }

    @Test
    void withoutAnyMessageTheTypeIsNamed() {
        assertThat(AttachCommand.rootCause(new IllegalStateException())).isEqualTo("IllegalStateException");
    }
}
