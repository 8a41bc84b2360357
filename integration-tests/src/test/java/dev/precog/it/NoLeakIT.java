package dev.precog.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.precog.it.harness.ChildJvm;
import dev.precog.it.harness.Jdk;
import dev.precog.it.harness.Paths;
import dev.precog.it.harness.Reports;
import dev.precog.it.workload.ChurningCacheService;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** A healthy service with heavy garbage and a cache that fills then stays flat: no leak, no doom forecast. */
class NoLeakIT {

    static Stream<Jdk> jdks() {
        return Jdk.all().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("jdks")
    void heavyGarbageWithBoundedCacheIsNotALeak(Jdk jdk) throws Exception {
        Path dir = Paths.workDir("noleak-" + jdk.name());
        try (ChildJvm service = ChildJvm.on(jdk, dir)
                .jvmArgs("-Xmx256m", "-XX:+UseG1GC")
                .agent("reportDir=" + dir + ",window=1s,interval=2s")
                .start(ChurningCacheService.class, "400")) {
            Path reportFile = Reports.file(dir, service.pid());
            List<String> claims = new ArrayList<>();
            // Long enough for the leak test's service to have been flagged several times over.
            JsonNode r = Reports.await(service, reportFile, "75 analysed windows", Duration.ofMinutes(3), polled -> {
                claims.addAll(crossingsClaimed(polled));
                assertThat(polled.path("findings")).as("findings so far").isEmpty();
                assertThat(polled.path("analysis").path("windows").asLong()).isGreaterThanOrEqualTo(75);
            });
            assertThat(claims).as("no report of a healthy service forecasts a limit reached").isEmpty();
            assertThat(r.path("forecasts").findValuesAsText("metric"))
                    .contains("heap.usedAfterGc", "process.rss", "threads.active", "cpu.jvmTotal");
            assertThat(Reports.findings(r, "MEMORY_LEAK")).isEmpty();
            Reports.forecast(r, "heap.usedAfterGc").ifPresent(f ->
                    assertThat(f.get("timeToThresholdSeconds").isNull()).as("healthy heap never claims to fill up: " + f).isTrue());
            assertThat(r.path("heapDumpSuggestion").path("recommended").asBoolean()).isFalse();
            assertThat(r.path("agent").path("eventsProcessed").asLong()).isPositive();
            assertThat(Reports.violations(r)).isEmpty();
            assertThat(service.stderr()).as("the agent prints nothing into the application's stderr").isBlank();
        }
    }

    /**
     * Forecasts of this JVM's own resources that claim a crossing. The host's CPU is left out: on a
     * shared CI machine it rises and falls with the neighbours' builds, which is no claim about
     * this service.
     */
    private static List<String> crossingsClaimed(JsonNode report) {
        List<String> out = new ArrayList<>();
        for (JsonNode f : report.path("forecasts")) {
            if (!f.path("timeToThresholdSeconds").isNull() && !"host.cpuLoad".equals(f.path("metric").asText())) {
                out.add(report.path("generatedAt").asText() + ": " + f);
            }
        }
        return out;
    }
}
