package dev.precog.analyzer.jfr;

import static org.assertj.core.api.Assertions.assertThat;

import dev.precog.analyzer.window.WaitHistograms;
import dev.precog.model.WaitSite;
import dev.precog.model.Window;
import example.shop.PriceFeedClient;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import jdk.jfr.Recording;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * jdk.SocketRead through a real recording of this test JVM: a read that waits about a second for
 * its answer is an I/O wait on the endpoint, in the client's code; a long poll that times out is idle,
 * not I/O-bound.
 */
class SocketReadAttributionTest {

    @TempDir
    Path dir;

    @Test
    void anAnsweredReadCountsAndATimedOutPollDoesNot() throws Exception {
        Path file = dir.resolve("reads.jfr");
        try (ServerSocket server = new ServerSocket(0, 5, InetAddress.getLoopbackAddress());
                Recording recording = new Recording()) {
            recording.enable("jdk.SocketRead").withThreshold(Duration.ofMillis(10)).withStackTrace();
            recording.start();
            try (Socket answered = new Socket(InetAddress.getLoopbackAddress(), server.getLocalPort());
                    Socket peer = server.accept();
                    Socket polled = new Socket(InetAddress.getLoopbackAddress(), server.getLocalPort());
                    Socket silent = server.accept()) {
                // the answer comes a second after the reader is about to read, not after the answerer
                // starts: on a busy machine the read itself began 136 ms after the latch once (CI, a
                // 150 ms answer measured 14 ms), so the margin is wide and the test asks for 100 ms
                CountDownLatch reading = new CountDownLatch(1);
                Thread answerer = new Thread(() -> {
                    try {
                        reading.await();
                        Thread.sleep(1000);
                        OutputStream out = peer.getOutputStream();
                        out.write(42);
                        out.flush();
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                }, "answerer");
                answerer.start();
                reading.countDown();
                assertThat(PriceFeedClient.readAnswer(answered)).isEqualTo(42);
                assertThat(PriceFeedClient.poll(polled, 120)).isFalse();
                answerer.join();
            }
            recording.stop();
            recording.dump(file);
        }
        List<Window> windows = new ArrayList<>();
        new RecordingFileSource(file, Duration.ofSeconds(10)).replay(new RecordedJvmFacts(), windows::add);

        List<WaitSite> sites = windows.stream().flatMap(w -> w.waits().stream()).toList();
        assertThat(sites).singleElement().satisfies(site -> {
            assertThat(site.kind()).isEqualTo(WaitSite.SOCKET_READ);
            assertThat(site.resource()).matches("(localhost|127\\.0\\.0\\.1):\\d+");
            assertThat(site.ownerType()).isEqualTo(PriceFeedClient.class.getName());
            assertThat(site.events()).isEqualTo(1);
            assertThat(site.bytes()).isEqualTo(1);
            // the read's whole length is in the distribution; its blocked time counts only the part inside the
            // window it ended in, and 10-s windows fall on the clock's tens of seconds, so a boundary may cut it
            Histogram waits = WaitHistograms.empty();
            WaitHistograms.add(waits, site.waitHistogram());
            assertThat(waits.getMaxValue()).isBetween(100L, 5000L);
            assertThat(site.blockedMillis()).isPositive().isLessThanOrEqualTo(waits.getMaxValue() + 1.0);
        });
    }
}
