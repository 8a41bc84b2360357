package dev.precog.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.precog.it.harness.ChildJvm;
import dev.precog.it.harness.Jdk;
import dev.precog.it.harness.Paths;
import dev.precog.it.harness.Reports;
import dev.precog.it.workload.NightlyImportService;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** A scheduled import that keeps every batch: MEMORY_LEAK with pattern STAIRCASE, the record class first. */
class StaircaseLeakIT {

    private static final String RECORD = NightlyImportService.class.getName() + "$ImportedRecord";

    /**
     * The test JDK only, to keep CI's total work down: telling a staircase from a steady leak is the
     * analyzer's reading of the heap's series, and LeakDetectionIT runs a leak on every JDK.
     */
    static Stream<Jdk> currentJdk() {
        return Stream.of(Jdk.current());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("currentJdk")
    void importsThatKeepTheirBatchesAreAStaircaseLeak(Jdk jdk) throws Exception {
        Path dir = Paths.workDir("staircase-" + jdk.name());
        // 20,000 records of about 400 bytes every 10 s: 8 MB steps, with several young collections between
        try (ChildJvm service = ChildJvm.on(jdk, dir).jvmArgs("-Xmx512m", "-Xmn48m", "-XX:+UseG1GC")
                .agent("reportDir=" + dir + ",window=1s,interval=2s")
                .start(NightlyImportService.class, "10", "20000")) {
            Path reportFile = Reports.file(dir, service.pid());

            JsonNode leakReport = Reports.await(service, reportFile, "MEMORY_LEAK with pattern STAIRCASE", Duration.ofMinutes(3), r -> {
                assertThat(Reports.findings(r, "MEMORY_LEAK")).singleElement().satisfies(f -> {
                    assertThat(f.path("severity").asText()).isIn("WARNING", "CRITICAL");
                    assertThat(f.path("pattern").asText()).as(f.path("evidence").toString()).isEqualTo("STAIRCASE");
                    assertThat(f.path("suspects").path(0).path("className").asText()).isEqualTo(RECORD);
                });
                assertThat(Reports.violations(r)).isEmpty();
            });

            JsonNode leak = Reports.findings(leakReport, "MEMORY_LEAK").get(0);
            assertThat(leak.path("summary").asText()).startsWith("Heap live set grows in steps,");
            assertThat(leak.path("evidence").path("patternReason").asText()).matches("\\d+ steps carry \\d+% of the rise.*");
        }
    }
}
