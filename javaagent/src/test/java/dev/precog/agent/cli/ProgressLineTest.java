package dev.precog.agent.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ProgressLineTest {

    private static final long SECOND = 1_000_000_000L;
    private static final long MB = 1024 * 1024;

    private final AtomicLong clock = new AtomicLong(5 * SECOND);
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final PrintStream err = new PrintStream(bytes, true, StandardCharsets.UTF_8);

    private String printed() {
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void formatsReadOfTotalPercentRateAndTimeLeft() {
        assertThat(ProgressLine.format(412 * MB, 1024 * MB, 4 * SECOND)).isEqualTo("412 of 1,024 MB (40%), 103.0 MB/s, 6 s left");
        assertThat(ProgressLine.format(100 * MB, 10_000 * MB, 10 * SECOND)).isEqualTo("100 of 10,000 MB (1%), 10.0 MB/s, 16 min 30 s left");
        assertThat(ProgressLine.format(0, 1024 * MB, 0)).isEqualTo("0 of 1,024 MB (0%), 0.0 MB/s, time left unknown");
    }

    @Test
    void printsNothingInTheFirstSecondAndThenAtMostOnceASecond() {
        ProgressLine line = new ProgressLine("reading x.jfr", err, false, clock::get);

        line.update(10 * MB, 100 * MB);
        clock.addAndGet(SECOND / 2);
        line.update(20 * MB, 100 * MB);
        assertThat(printed()).isEmpty();

        clock.addAndGet(SECOND / 2);
        line.update(30 * MB, 100 * MB);
        clock.addAndGet(SECOND / 2);
        line.update(40 * MB, 100 * MB);
        clock.addAndGet(SECOND / 2);
        line.update(50 * MB, 100 * MB);

        assertThat(printed().lines()).containsExactly(
                "reading x.jfr: 30 of 100 MB (30%), 30.0 MB/s, 2 s left",
                "reading x.jfr: 50 of 100 MB (50%), 25.0 MB/s, 2 s left");
    }

    @Test
    void onATerminalTheLineIsRewrittenInPlaceAndEndedAtTheFinish() {
        ProgressLine line = new ProgressLine("reading x.jfr", err, true, clock::get);

        clock.addAndGet(SECOND);
        line.update(50 * MB, 100 * MB);
        clock.addAndGet(SECOND);
        line.update(100 * MB, 100 * MB);
        line.finish(false);

        assertThat(printed()).startsWith("\rreading x.jfr: 50 of 100 MB").contains("\rreading x.jfr: 100 of 100 MB (100%)")
                .endsWith(System.lineSeparator()).doesNotContain("\n\r").doesNotContain("done");
    }

    @Test
    void aCompletedReplayEndsWithItsSizeTimeAndRateOnALineOfItsOwn() {
        ProgressLine line = new ProgressLine("reading x.jfr", err, true, clock::get);

        clock.addAndGet(SECOND);
        line.update(400 * MB, 1000 * MB);
        clock.addAndGet(3 * SECOND);
        line.update(1000 * MB, 1000 * MB);
        clock.addAndGet(SECOND);
        line.finish(true);

        assertThat(printed())
                .endsWith(System.lineSeparator() + "reading x.jfr: done, 1,000 MB in 5.0 s, 200.0 MB/s" + System.lineSeparator());
    }

    @Test
    void aFailedReplaySaysNothingOfARate() {
        ProgressLine line = new ProgressLine("reading x.jfr", err, false, clock::get);

        clock.addAndGet(SECOND);
        line.update(40 * MB, 100 * MB);
        line.finish(false);

        assertThat(printed().lines()).containsExactly("reading x.jfr: 40 of 100 MB (40%), 40.0 MB/s, 2 s left");
    }

    @Test
    void aFastReplayPrintsNothingEvenAtItsFinish() {
        ProgressLine line = new ProgressLine("reading x.jfr", err, true, clock::get);

        line.update(100 * MB, 100 * MB);
        line.finish(true);

        assertThat(printed()).isEmpty();
    }
}
