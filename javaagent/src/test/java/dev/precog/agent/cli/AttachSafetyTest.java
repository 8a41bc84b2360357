package dev.precog.agent.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AttachSafetyTest {

    @Test
    void aProcessThatDoesNotCatchSigquitIsRefused() {
        String sleep = "Name:\tsleep\nSigBlk:\t0000000000000000\nSigIgn:\t0000000000000000\nSigCgt:\t0000000000000000\n";
        assertThat(AttachSafety.problemFromStatus("42", sleep)).get().asString()
                .startsWith("process 42 (sleep) is not a JVM: it does not handle SIGQUIT");
    }

    @Test
    void aJvmCatchesSigquitAndIsAccepted() {
        // A HotSpot JVM's mask: it catches SIGQUIT (bit 3) among others.
        String java = "Name:\tjava\nSigCgt:\t0000000181005ccf\n";
        assertThat(AttachSafety.problemFromStatus("43", java)).isEmpty();
    }

    @Test
    void thisJvmLooksLikeAJvm() {
        assertThat(AttachSafety.problem(Long.toString(ProcessHandle.current().pid()))).isEmpty();
    }
}
