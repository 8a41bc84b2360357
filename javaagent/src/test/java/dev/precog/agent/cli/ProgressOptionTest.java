package dev.precog.agent.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.precog.analyzer.jfr.ReplayProgress;
import java.io.OutputStream;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProgressOptionTest {

    private final ProgressLine line = new ProgressLine("reading x.jfr", new PrintStream(OutputStream.nullOutputStream()), false,
            System::nanoTime);

    @Test
    void flagsAreTakenOutOfTheArgumentsLeavingTheRest() {
        List<String> args = new ArrayList<>(List.of("--progress", "run.jfr", "--window", "1s"));

        ProgressOption option = ProgressOption.take(args);

        assertThat(args).containsExactly("run.jfr", "--window", "1s");
        assertThat(option.wanted()).isTrue();
        assertThat(option.quiet()).isFalse();
        assertThat(option.conflicting()).isFalse();
    }

    @Test
    void progressGoesToATerminalByDefaultElsewhereOnlyWhenAskedAndNeverWhenQuiet() {
        ProgressOption none = new ProgressOption(false, false);
        ProgressOption wanted = new ProgressOption(true, false);
        ProgressOption quiet = new ProgressOption(false, true);

        assertThat(none.to(line, true)).isSameAs(line);
        assertThat(none.to(line, false)).isSameAs(ReplayProgress.NONE);
        assertThat(wanted.to(line, false)).isSameAs(line);
        assertThat(quiet.to(line, true)).isSameAs(ReplayProgress.NONE);
        assertThat(new ProgressOption(true, true).conflicting()).as("--progress with --quiet is a usage error").isTrue();
    }
}
