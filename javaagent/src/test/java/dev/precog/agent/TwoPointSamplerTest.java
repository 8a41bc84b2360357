package dev.precog.agent;

import static org.assertj.core.api.Assertions.assertThat;

import dev.precog.analyzer.Analyzer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TwoPointSamplerTest {

    private static final Duration WINDOW = Duration.ofSeconds(5);
    private static final Instant START = Instant.parse("2026-12-07T00:00:00Z");

    /** Samples are the instants they were taken at; a comparison is the seconds between two. */
    private final List<Instant> taken = new ArrayList<>();
    private Instant clock = START;
    private final TwoPointSampler<Instant, Long> sampler = new TwoPointSampler<>("test sample",
            TwoPointSampler.spacingFor(WINDOW), Duration.ofMinutes(10), 8, this::take,
            (a, b) -> Duration.between(a, b).toSeconds(), new AgentLog(false));

    private Instant take() {
        taken.add(clock);
        return clock;
    }

    /** One evaluation a window later, the problem reported or not. */
    private Long window(boolean reported) {
        clock = clock.plus(WINDOW);
        return sampler.update(reported, clock);
    }

    @Test
    void aProblemThatFlickersOutOfTheFindingsKeepsItsPairOfSamples() {
        window(true);
        window(true);
        // the leak's finding drops out for two evaluations, as when a full collection lowered the heap
        window(false);
        window(false);
        for (int i = 0; i < 10; i++) {
            window(true);
        }

        assertThat(taken).containsExactly(START.plusSeconds(5), START.plusSeconds(35));
        assertThat(window(true)).isEqualTo(30);
    }

    @Test
    void theEvidenceIsHiddenWhileTheProblemIsNotReportedAndBackWhenItReturns() {
        for (int i = 0; i < 7; i++) {
            window(true);
        }
        assertThat(window(true)).isEqualTo(30);

        assertThat(window(false)).isNull();
        assertThat(window(true)).isEqualTo(30);
    }

    @Test
    void aProblemGoneForAsLongAsTheFindingIsForgottenStartsANewPairWhenItReturns() {
        for (int i = 0; i < 8; i++) {
            window(true);
        }
        for (int i = 0; i < Analyzer.FORGET_AFTER; i++) {
            window(false);
        }
        Instant back = clock.plus(WINDOW);
        window(true);

        assertThat(taken).containsExactly(START.plusSeconds(5), START.plusSeconds(35), back);
        assertThat(window(true)).isNull();
    }
}
