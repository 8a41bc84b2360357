package dev.precog.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class AgentOptionsTest {

    @Test
    void emptyOptionsGiveTheDocumentedDefaults() throws OptionsException {
        AgentOptions o = AgentOptions.parse("");
        assertThat(o.reportDir()).isEqualTo(Path.of(""));
        assertThat(o.interval()).isEqualTo(Duration.ofSeconds(30));
        assertThat(o.window()).isEqualTo(Duration.ofSeconds(10));
        assertThat(o.hostInterval()).isEqualTo(Duration.ofSeconds(1));
        assertThat(o.debug()).isFalse();
    }

    @Test
    void everyKeyIsParsed() throws OptionsException {
        AgentOptions o = AgentOptions.parse(
                "reportDir=/var/log/precog,interval=1m,window=2s,hostInterval=500ms,debug=true,threadPools=false");
        assertThat(o).isEqualTo(new AgentOptions(Path.of("/var/log/precog"), Duration.ofMinutes(1), Duration.ofSeconds(2),
                Duration.ofMillis(500), true, false));
    }

    @Test
    void optionsSurviveARoundTripThroughAgentSyntax() throws OptionsException {
        AgentOptions o = AgentOptions.parse("reportDir=/tmp/r,interval=45s,window=5s,hostInterval=250ms");
        assertThat(AgentOptions.parse(o.toAgentString())).isEqualTo(o);
    }

    @Test
    void unknownKeyListsTheValidOnes() {
        assertThatThrownBy(() -> AgentOptions.parse("window=5s,colour=red"))
                .isInstanceOf(OptionsException.class)
                .hasMessage("unknown option 'colour'; valid options are reportDir, interval, window, hostInterval, debug, threadPools");
    }

    @Test
    void badValuesNameTheKeyAndTheExpectedForm() {
        assertThatThrownBy(() -> AgentOptions.parse("interval=30")).hasMessageContaining("bad value '30' for interval");
        assertThatThrownBy(() -> AgentOptions.parse("window=11m")).hasMessageContaining("bad value '660s' for window");
        assertThatThrownBy(() -> AgentOptions.parse("debug=yes")).hasMessageContaining("bad value 'yes' for debug");
        assertThatThrownBy(() -> AgentOptions.parse("hostInterval=10ms")).hasMessageContaining("at least 100ms");
        assertThatThrownBy(() -> AgentOptions.parse("window=")).hasMessageContaining("option 'window' needs a value");
    }

    @Test
    void intervalMayNotBeShorterThanWindow() {
        assertThatThrownBy(() -> AgentOptions.parse("window=20s,interval=10s"))
                .hasMessage("bad value '10s' for interval: it must not be shorter than window (20s)");
    }

    @Test
    void hugeNumbersAreBadValuesNotCrashes() {
        assertThatThrownBy(() -> AgentOptions.parse("window=99999999999999999999s"))
                .isInstanceOf(OptionsException.class).hasMessageContaining("bad value '99999999999999999999s' for window: too large");
        assertThatThrownBy(() -> AgentOptions.parse("hostInterval=9999999999999999h"))
                .isInstanceOf(OptionsException.class).hasMessageContaining("for hostInterval: too large");
    }

    @Test
    void aReportDirWithACommaCannotBeHandedOn() {
        AgentOptions o = new AgentOptions(Path.of("/tmp/a,b"), Duration.ofSeconds(30), Duration.ofSeconds(10),
                Duration.ofSeconds(1), false, true);
        assertThatThrownBy(o::toAgentString).isInstanceOf(OptionsException.class).hasMessageContaining("holds a comma");
    }
}
