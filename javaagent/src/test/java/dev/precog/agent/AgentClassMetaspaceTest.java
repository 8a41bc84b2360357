package dev.precog.agent;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class AgentClassMetaspaceTest {

    private static final Instant START = Instant.parse("2026-12-05T20:00:00Z");

    @Test
    void readsAtStartAMinuteLaterThenOnlyWhenItsLoaderDefinedClassesAtMostEveryTenMinutes() {
        List<Instant> reads = new ArrayList<>();
        Instant[] now = {START};
        long[] defined = {350};
        AgentClassMetaspace classes = new AgentClassMetaspace(true, () -> defined[0], () -> {
            reads.add(now[0]);
            return new AgentClassMetaspace.Reading(defined[0], 2_000_000);
        }, new AgentLog(false));
        for (int s = 0; s <= 40 * 60; s += 10) {
            now[0] = START.plusSeconds(s);
            if (s == 5 * 60) {
                // a finding's evidence loads a few classes of the agent's
                defined[0] = 362;
            }
            classes.update(now[0]);
        }
        assertThat(reads).as("steady after 11 minutes: no more safepoints")
                .containsExactly(START, START.plus(Duration.ofMinutes(1)), START.plus(Duration.ofMinutes(11)));
        assertThat(classes.latest().classes()).isEqualTo(362);
    }

    @Test
    void aCommandThatFailsLaterLeavesNoStaleReading() {
        int[] calls = {0};
        AgentClassMetaspace classes = new AgentClassMetaspace(true, () -> 350, () -> {
            if (++calls[0] > 1) {
                throw new IllegalStateException("VM.classloader_stats without a total");
            }
            return new AgentClassMetaspace.Reading(400, 2_000_000);
        }, new AgentLog(false));
        classes.update(START);
        assertThat(classes.latest()).isNotNull();
        classes.update(START.plus(Duration.ofMinutes(1)));
        assertThat(classes.latest()).isNull();
    }

    @Test
    void aCommandThatFailsIsNotAskedAgainAndSaysWhy() {
        int[] calls = {0};
        AgentLog log = new AgentLog(false);
        AgentClassMetaspace classes = new AgentClassMetaspace(true, () -> 350, () -> {
            calls[0]++;
            throw new IllegalStateException("no row for " + AgentClassMetaspace.ISOLATED_LOADER);
        }, log);
        classes.update(START);
        classes.update(START.plus(Duration.ofHours(1)));
        assertThat(calls[0]).isEqualTo(1);
        assertThat(classes.latest()).isNull();
        assertThat(log.lastError()).contains("the agent's classes not measured", "no row for");
    }

    @Test
    void outsideItsIsolatedLoaderTheAgentDoesNotCountTheApplicationsClassesAsItsOwn() {
        AgentLog log = new AgentLog(false);
        AgentClassMetaspace classes = AgentClassMetaspace.of(getClass().getClassLoader(), log);
        classes.update(START);
        assertThat(classes.latest()).isNull();
        assertThat(log.lastError()).as("not even asked").isNull();
    }
}
