package dev.precog.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.precog.it.harness.ChildJvm;
import dev.precog.it.harness.Jdk;
import dev.precog.it.harness.Paths;
import dev.precog.it.harness.Reports;
import dev.precog.it.workload.BatchSawtoothService;
import dev.precog.it.workload.OneTimeLoadService;
import dev.precog.it.workload.WarmingCacheService;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The traps a leak detector must not fall into, as real services run side by side: a cache that
 * warms up then plateaus, a batch importer's sawtooth, a one-time load. None may be reported as
 * a MEMORY_LEAK at WARNING or above, and none may get a forecast that the heap fills up.
 */
@Order(SuiteOrder.LONG)
class MemoryTrapsIT {

    /**
     * The newest JDK only, to keep CI's total work down: the traps are the analyzer's judgement of a
     * heap-after-GC series, which NoLeakIT and the leak tests already exercise on every JDK.
     */
    static Stream<Jdk> latestJdk() {
        return Stream.of(Jdk.latest());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("latestJdk")
    void warmUpSawtoothAndOneTimeLoadAreNotLeaks(Jdk jdk) throws Exception {
        List<Class<?>> traps = List.of(WarmingCacheService.class, BatchSawtoothService.class, OneTimeLoadService.class);
        List<ChildJvm> services = new ArrayList<>();
        List<Path> dirs = new ArrayList<>();
        try {
            for (Class<?> trap : traps) {
                Path dir = Paths.workDir("trap-" + trap.getSimpleName() + "-" + jdk.name());
                dirs.add(dir);
                services.add(ChildJvm.on(jdk, dir).jvmArgs("-Xmx256m", "-XX:+UseG1GC")
                        .agent("reportDir=" + dir + ",window=1s,interval=2s").start(trap));
            }
            // Ninety windows: the leak service is flagged in about forty.
            await("90 windows analysed in every trap").atMost(Duration.ofMinutes(4)).pollInterval(Duration.ofSeconds(2))
                    .untilAsserted(() -> {
                        for (int i = 0; i < services.size(); i++) {
                            ChildJvm service = services.get(i);
                            assertThat(service.isAlive()).as(service::describe).isTrue();
                            JsonNode r = Reports.read(Reports.file(dirs.get(i), service.pid()))
                                    .orElseThrow(() -> new AssertionError("no report yet from " + service.describe()));
                            assertNoLeakClaimed(traps.get(i), r);
                            assertThat(r.path("analysis").path("windows").asLong()).isGreaterThanOrEqualTo(90);
                        }
                    });
        } finally {
            for (ChildJvm s : services) {
                s.close();
            }
        }
    }

    private static void assertNoLeakClaimed(Class<?> trap, JsonNode report) {
        JsonNode agent = report.path("agent");
        // the agent's own heap is the usual suspect when a trap's live set creeps
        assertThat(Reports.findings(report, "MEMORY_LEAK"))
                .as(trap.getSimpleName() + " is not a leak (agent holds " + agent.path("retainedBytes") + " bytes, ended "
                        + agent.path("jfrChunkRotations") + " JFR chunks, " + report.path("analysis").path("windows")
                        + " windows)")
                .allSatisfy(f -> assertThat(f.path("severity").asText()).isEqualTo("INFO"));
        Reports.forecast(report, "heap.usedAfterGc").ifPresent(f -> assertThat(f.get("timeToThresholdSeconds").isNull())
                .as(trap.getSimpleName() + " never fills the heap: " + f).isTrue());
    }
}
