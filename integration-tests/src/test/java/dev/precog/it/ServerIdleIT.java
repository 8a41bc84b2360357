package dev.precog.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.precog.it.harness.ChildJvm;
import dev.precog.it.harness.Jdk;
import dev.precog.it.harness.Paths;
import dev.precog.it.harness.Reports;
import dev.precog.it.workload.ChatRelayService;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A thread-per-connection server whose clients keep their connections open and speak every few
 * hundred milliseconds: its connection threads block in socket reads most of the time, waiting for
 * the client, which is no I/O-bound application. The live agent tells the connections the server
 * accepted from the host's connection table, so it raises no IO_BOUND.
 */
class ServerIdleIT {

    /**
     * The newest JDK only, to keep CI's total work down: IoBoundIT runs the same socket events and
     * connection table on every JDK.
     */
    static Stream<Jdk> latestJdk() {
        return Stream.of(Jdk.latest());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("latestJdk")
    void aServerWaitingForItsClientsToSpeakIsNotIoBound(Jdk jdk) throws Exception {
        Path dir = Paths.workDir("server-idle-" + jdk.name());
        // six connection threads each blocked about 300 ms of every 300: far over IO_BOUND's half a thread
        try (ChildJvm service = ChildJvm.on(jdk, dir).jvmArgs("-Xmx128m")
                .agent("reportDir=" + dir + ",window=1s,interval=1s")
                .start(ChatRelayService.class, "6", "300")) {
            Path reportFile = Reports.file(dir, service.pid());
            List<JsonNode> raised = new ArrayList<>();
            // 45 windows: well past the detector's 30-second span
            JsonNode r = Reports.await(service, reportFile, "45 analysed windows", Duration.ofMinutes(3), polled -> {
                raised.addAll(Reports.findings(polled, "IO_BOUND"));
                assertThat(polled.path("analysis").path("windows").asLong()).isGreaterThanOrEqualTo(45);
            });
            assertThat(raised).as("IO_BOUND in any report").isEmpty();
            assertThat(Reports.detectorFailures(r)).isEmpty();
            assertThat(service.stderr()).as(service::describe).isBlank();
        }
    }
}
