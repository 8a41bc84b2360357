package dev.precog.analyzer.jfr;

import static org.assertj.core.api.Assertions.assertThat;

import dev.precog.analyzer.window.WindowAccumulator;
import dev.precog.model.Metric;
import java.time.Instant;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

class GcCorrelatorTest {

    private static final Instant T0 = Instant.parse("2026-12-07T05:31:05Z");

    private final WindowAccumulator sink = new WindowAccumulator(T0);
    private final GcCorrelator correlator = new GcCorrelator(sink);
    private int windows;

    /** Old collections counted since the last call: it closes the window. */
    private OptionalDouble oldCollections() {
        return sink.close(T0.plusSeconds(++windows)).value(Metric.OLD_GC_COUNT);
    }

    private static Instant at(int millis) {
        return T0.plusMillis(millis);
    }

    @Test
    void aG1CycleCountsAsAnOldCollectionOnlyOnceItsMixedPhaseIsOver() {
        correlator.g1Pause("Normal", at(40)); // a young pause while marking
        correlator.concurrentCycleEnded(at(90));
        correlator.g1Pause("Prepare Mixed", at(260));
        correlator.g1Pause("Mixed", at(500));
        correlator.g1Pause("Mixed", at(790));
        assertThat(oldCollections()).as("still reclaiming").isEmpty();

        correlator.g1Pause("Normal", at(2000));
        correlator.g1Pause("Normal", at(2500));
        assertThat(oldCollections()).hasValue(1);
        assertThat(oldCollections()).as("counted once").isEmpty();
    }

    @Test
    void theCycleMayComeAfterThePausesThatFollowedIt() {
        // one thread's buffer is flushed before the other's: the VM thread's pauses, then the marking thread's cycle
        correlator.g1Pause("Normal", at(40));
        correlator.g1Pause("Prepare Mixed", at(260));
        correlator.g1Pause("Mixed", at(500));
        assertThat(oldCollections()).isEmpty();
        correlator.concurrentCycleEnded(at(90));
        assertThat(oldCollections()).as("the mixed phase is not over yet").isEmpty();
        correlator.g1Pause("Normal", at(2000));
        assertThat(oldCollections()).hasValue(1);

        correlator.g1Pause("Prepare Mixed", at(5260));
        correlator.g1Pause("Mixed", at(5500));
        correlator.g1Pause("Normal", at(7000));
        correlator.concurrentCycleEnded(at(5090));
        assertThat(oldCollections()).as("over before the cycle was read").hasValue(1);
    }

    @Test
    void aCycleWithoutAMixedPhaseCountsAtTheNextYoungPause() {
        correlator.concurrentCycleEnded(at(90));
        correlator.g1Pause("Concurrent Start", at(3000));
        assertThat(oldCollections()).hasValue(1);
    }

    @Test
    void aFullCollectionEndsTheMixedPhase() {
        correlator.concurrentCycleEnded(at(90));
        correlator.g1Pause("Mixed", at(500));
        correlator.g1Pause("G1Full", at(700));
        assertThat(oldCollections()).hasValue(1);
    }

    @Test
    void withoutPauseTypesACycleCountsWhenTheNextOneEnds() {
        correlator.concurrentCycleEnded(at(90));
        assertThat(oldCollections()).isEmpty();
        correlator.concurrentCycleEnded(at(6090));
        assertThat(oldCollections()).hasValue(1);
    }
}
