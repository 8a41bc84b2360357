package dev.precog.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.precog.it.harness.ChildJvm;
import dev.precog.it.harness.Jdk;
import dev.precog.it.harness.Paths;
import dev.precog.it.harness.Reports;
import dev.precog.it.workload.ChurningCacheService;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A healthy service with heavy garbage and a cache that fills then stays flat: no leak, no doom
 * forecast, even after a class histogram's full collection has shrunk its heap. G1 then sizes the
 * young generation to the smaller heap, the cache's entries live through enough young collections
 * to be promoted, and the old generation fills with them until the next mixed collections: a rise
 * of the live set a leak detector must not confirm (in CI it was called CRITICAL, 2026-12-07).
 */
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
            List<String> alarms = new ArrayList<>();
            AtomicBoolean histogramTaken = new AtomicBoolean();
            // Long enough for the leak test's service to have been flagged several times over.
            JsonNode r = Reports.await(service, reportFile, "75 analysed windows", Duration.ofMinutes(3), polled -> {
                if (polled.path("analysis").path("windows").asLong() >= 20 && !histogramTaken.getAndSet(true)) {
                    classHistogram(jdk, service.pid());
                }
                claims.addAll(crossingsClaimed(polled));
                for (JsonNode leak : Reports.findings(polled, "MEMORY_LEAK")) {
                    if (!"INFO".equals(leak.path("severity").asText())) {
                        alarms.add(polled.path("generatedAt").asText() + ": " + leak.path("summary").asText());
                    }
                }
                assertThat(polled.path("findings")).as("findings so far").isEmpty();
                assertThat(polled.path("analysis").path("windows").asLong()).isGreaterThanOrEqualTo(75);
            });
            assertThat(alarms).as("no report calls the healthy service's promoted garbage a confirmed leak").isEmpty();
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

    /** What an operator's {@code jcmd <pid> GC.class_histogram} does: a full collection, after which G1 shrinks the heap. */
    private static void classHistogram(Jdk jdk, long pid) throws IOException, InterruptedException {
        Process jcmd = new ProcessBuilder(jdk.home().resolve("bin/jcmd").toString(), Long.toString(pid), "GC.class_histogram")
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        assertThat(jcmd.waitFor(2, TimeUnit.MINUTES)).as("jcmd GC.class_histogram ended").isTrue();
        assertThat(jcmd.exitValue()).as("jcmd GC.class_histogram's exit code").isZero();
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
