package dev.precog.it.overhead;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class WorkloadRunnerTest {

    @Test
    void readsOnlyTheBenchLinesOfAWorkloadsOutput() {
        String stdout = """
                some library chatter
                precog-bench work=607
                precog-bench seconds=31.250000
                precog-bench rssBytes=1258291200
                """;

        assertThat(WorkloadRunner.values(stdout)).containsExactly(java.util.Map.entry("work", 607.0),
                java.util.Map.entry("seconds", 31.25), java.util.Map.entry("rssBytes", 1258291200.0));
    }
}
