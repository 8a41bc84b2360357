package dev.precog.it.overhead;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class PairedEstimateTest {

    private record Run(int round, double value) {}

    @Test
    void ratiosArePairedByRoundSoADriftOfTheMachineCancels() {
        // the machine gets slower every round, but b is always 2% slower than a in the same round
        List<Run> a = List.of(new Run(1, 100), new Run(2, 80), new Run(3, 60), new Run(4, 40), new Run(5, 20));
        List<Run> b = a.stream().map(r -> new Run(r.round(), r.value() * 0.98)).toList();

        PairedEstimate e = PairedEstimate.compare(b, a, Run::round, Run::value, (x, y) -> x / y, 1);

        assertThat(e.pairs()).isEqualTo(5);
        assertThat(e.median()).isCloseTo(0.98, within(1e-12));
        assertThat(e.low()).isCloseTo(0.98, within(1e-12));
        assertThat(e.high()).isCloseTo(0.98, within(1e-12));
    }

    @Test
    void theIntervalSpansTheSpreadOfTheRoundsAndRoundsWithoutAPartnerAreLeftOut() {
        List<Run> a = List.of(new Run(1, 1.0), new Run(2, 1.1), new Run(3, 0.9), new Run(4, 1.05), new Run(5, 0.95), new Run(6, 3));
        List<Run> b = List.of(new Run(1, 1), new Run(2, 1), new Run(3, 1), new Run(4, 1), new Run(5, 1));

        PairedEstimate e = PairedEstimate.compare(a, b, Run::round, Run::value, (x, y) -> x - y, 7);

        assertThat(e.pairs()).isEqualTo(5);
        assertThat(e.median()).isCloseTo(0.0, within(1e-12));
        assertThat(e.low()).isBetween(-0.1 - 1e-9, -0.01);
        assertThat(e.high()).isBetween(0.01, 0.1 + 1e-9);
        assertThat(e.min()).isCloseTo(-0.1, within(1e-12));
        assertThat(e.max()).isCloseTo(0.1, within(1e-12));
    }

    @Test
    void noPairsGiveNaN() {
        PairedEstimate e = PairedEstimate.of(List.of(), 1);

        assertThat(e.pairs()).isZero();
        assertThat(e.median()).isNaN();
    }
}
