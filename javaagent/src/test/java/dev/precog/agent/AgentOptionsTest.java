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
        assertThat(o.threadPools()).isTrue();
        assertThat(o.heapDumpAuto()).as("no heap dump unless asked").isFalse();
        assertThat(o.heapDumpBefore()).isEqualTo(Duration.ofMinutes(30));
        assertThat(o.asyncProfiler()).as("no native profiler unless asked").isFalse();
        assertThat(o.profileDuration()).isEqualTo(Duration.ofSeconds(10));
        assertThat(o.overheadBudget()).as("1% of one core").isEqualTo(0.01);
        assertThat(o.overheadPeriod()).isEqualTo(Duration.ofMinutes(1));
        assertThat(o.oshiHostMetrics()).as("/proc on Linux, no native library unless asked").isFalse();
        assertThat(o.chunkRotation()).isEqualTo(Duration.ofSeconds(10));
    }

    @Test
    void everyKeyIsParsed() throws OptionsException {
        AgentOptions o = AgentOptions.parse(
                "reportDir=/var/log/precog,interval=1m,window=2s,hostInterval=500ms,debug=true,threadPools=false,heapDump=auto,"
                        + "heapDumpBefore=2h,asyncProfiler=on,profileDuration=5s,overheadBudget=0.5%,"
                        + "overheadPeriod=2m,hostMetrics=oshi,chunkRotation=5m");
        assertThat(o).isEqualTo(new AgentOptions(Path.of("/var/log/precog"), Duration.ofMinutes(1), Duration.ofSeconds(2),
                Duration.ofMillis(500), true, false, true, Duration.ofHours(2), true, Duration.ofSeconds(5), 0.005,
                Duration.ofMinutes(2), true, Duration.ofMinutes(5)));
    }

    @Test
    void optionsSurviveARoundTripThroughAgentSyntax() throws OptionsException {
        AgentOptions o = AgentOptions.parse("reportDir=/tmp/r,interval=45s,window=5s,hostInterval=250ms");
        assertThat(AgentOptions.parse(o.toAgentString())).isEqualTo(o);
        // attach hands the heap-dump options on too
        AgentOptions dumping = AgentOptions.parse("heapDump=auto,heapDumpBefore=24h");
        assertThat(dumping.toAgentString()).contains("heapDump=auto", "heapDumpBefore=86400s");
        assertThat(AgentOptions.parse(dumping.toAgentString())).isEqualTo(dumping);
        assertThat(AgentOptions.parse(dumping.withReportDir(Path.of("/x")).toAgentString()))
                .isEqualTo(new AgentOptions(Path.of("/x"), dumping.interval(), dumping.window(), dumping.hostInterval(), false, true,
                        true, Duration.ofHours(24), false, Duration.ofSeconds(10), 0.01,
                        Duration.ofMinutes(1), false, Duration.ofSeconds(10)));
        // and the profiler's
        AgentOptions profiling = AgentOptions.parse("asyncProfiler=on,profileDuration=20s");
        assertThat(profiling.toAgentString()).contains("asyncProfiler=on", "profileDuration=20s");
        assertThat(AgentOptions.parse(profiling.toAgentString())).isEqualTo(profiling);
        // and the overhead budget, exactly
        AgentOptions frugal = AgentOptions.parse("overheadBudget=0.01%,overheadPeriod=20s");
        assertThat(frugal.toAgentString()).contains("overheadBudget=0.01%", "overheadPeriod=20s");
        assertThat(AgentOptions.parse(frugal.toAgentString())).isEqualTo(frugal);
        // and the chunk ends, off included
        AgentOptions quiet = AgentOptions.parse("chunkRotation=off");
        assertThat(quiet.chunkRotation()).isNull();
        assertThat(quiet.toAgentString()).contains("chunkRotation=off");
        assertThat(AgentOptions.parse(quiet.toAgentString())).isEqualTo(quiet);
        // and the host source
        AgentOptions oshi = AgentOptions.parse("hostMetrics=OSHI");
        assertThat(oshi.toAgentString()).contains("hostMetrics=oshi");
        assertThat(AgentOptions.parse(oshi.toAgentString())).isEqualTo(oshi);
    }

    @Test
    void overheadBudgetIsAPercentageOfOneCore() throws OptionsException {
        assertThat(AgentOptions.parse("overheadBudget=2%").overheadBudget()).isEqualTo(0.02);
        assertThat(AgentOptions.parse("overheadBudget=0.25").overheadBudget()).as("the sign may be left out").isEqualTo(0.0025);
        assertThat(AgentOptions.parse("overheadBudget=100%").overheadBudget()).isEqualTo(1.0);
        assertThat(AgentOptions.parse("overheadBudget=.5%").overheadBudget()).isEqualTo(0.005);
    }

    @Test
    void overheadBudgetOutsideOneCoreIsRefusedWithTheReason() {
        assertThatThrownBy(() -> AgentOptions.parse("overheadBudget=0%"))
                .hasMessage("bad value '0%' for overheadBudget: a budget of nothing cannot be kept; expected a percentage of"
                        + " one core above 0% and at most 100%, such as 0.5% or 2%: the CPU the agent allows itself before it"
                        + " samples less (default 1%)");
        assertThatThrownBy(() -> AgentOptions.parse("overheadBudget=150%"))
                .hasMessageStartingWith("bad value '150%' for overheadBudget: more than one core is no budget");
        assertThatThrownBy(() -> AgentOptions.parse("overheadBudget=-1%"))
                .hasMessageStartingWith("bad value '-1%' for overheadBudget: expected a percentage of one core");
        assertThatThrownBy(() -> AgentOptions.parse("overheadBudget=lots"))
                .isInstanceOf(OptionsException.class).hasMessageStartingWith("bad value 'lots' for overheadBudget");
    }

    @Test
    void unknownKeyListsTheValidOnes() {
        assertThatThrownBy(() -> AgentOptions.parse("window=5s,colour=red"))
                .isInstanceOf(OptionsException.class)
                .hasMessage("unknown option 'colour'; valid options are reportDir, interval, window, hostInterval, debug, threadPools, heapDump,"
                        + " heapDumpBefore, asyncProfiler, profileDuration, overheadBudget,"
                        + " overheadPeriod, hostMetrics, chunkRotation");
    }

    @Test
    void badValuesNameTheKeyAndTheExpectedForm() {
        assertThatThrownBy(() -> AgentOptions.parse("interval=30")).hasMessageContaining("bad value '30' for interval");
        assertThatThrownBy(() -> AgentOptions.parse("window=11m")).hasMessageContaining("bad value '660s' for window");
        assertThatThrownBy(() -> AgentOptions.parse("debug=yes")).hasMessageContaining("bad value 'yes' for debug");
        assertThatThrownBy(() -> AgentOptions.parse("hostInterval=10ms")).hasMessageContaining("at least 100ms");
        assertThatThrownBy(() -> AgentOptions.parse("window=")).hasMessageContaining("option 'window' needs a value");
        assertThatThrownBy(() -> AgentOptions.parse("heapDump=on"))
                .hasMessage("bad value 'on' for heapDump: expected off or auto: take one heap dump by itself when a leak will fill"
                        + " the heap within heapDumpBefore (default off)");
        assertThatThrownBy(() -> AgentOptions.parse("heapDumpBefore=30s"))
                .hasMessageContaining("bad value '30s' for heapDumpBefore: expected at least 1m");
        assertThatThrownBy(() -> AgentOptions.parse("heapDumpBefore=soon")).hasMessageContaining("bad value 'soon' for heapDumpBefore");
        assertThatThrownBy(() -> AgentOptions.parse("asyncProfiler=true"))
                .hasMessage("bad value 'true' for asyncProfiler: expected off or on: profile confident CPU, lock, allocation and"
                        + " leak findings with async-profiler, a native library (default off)");
        assertThatThrownBy(() -> AgentOptions.parse("profileDuration=2m"))
                .hasMessage("bad value '120s' for profileDuration: expected a duration from 1s to 60s: how long one async-profiler"
                        + " run lasts (default 10s)");
        assertThatThrownBy(() -> AgentOptions.parse("profileDuration=500ms")).hasMessageContaining("for profileDuration");
        assertThatThrownBy(() -> AgentOptions.parse("hostMetrics=proc"))
                .hasMessageStartingWith("bad value 'proc' for hostMetrics: expected auto or oshi: auto reads host and process"
                        + " metrics from /proc with the JDK alone on Linux");
        assertThatThrownBy(() -> AgentOptions.parse("overheadPeriod=5s"))
                .hasMessage("bad value '5s' for overheadPeriod: expected a duration from 10s to 10m: the agent's cost is measured"
                        + " and judged over this span, and the first one after start is warm-up, not judged (default 1m)");
        assertThatThrownBy(() -> AgentOptions.parse("overheadPeriod=1h")).hasMessageStartingWith("bad value '3600s' for overheadPeriod");
        assertThatThrownBy(() -> AgentOptions.parse("chunkRotation=5s"))
                .hasMessageStartingWith("bad value '5s' for chunkRotation: expected a duration from 10s to 1h, or off");
        assertThatThrownBy(() -> AgentOptions.parse("chunkRotation=never")).hasMessageContaining("for chunkRotation");
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
                Duration.ofSeconds(1), false, true, false, Duration.ofMinutes(30), false, Duration.ofSeconds(10), 0.01,
                Duration.ofMinutes(1), false, Duration.ofSeconds(10));
        assertThatThrownBy(o::toAgentString).isInstanceOf(OptionsException.class).hasMessageContaining("holds a comma");
    }
}
