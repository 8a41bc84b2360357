package dev.precog.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.precog.it.harness.ChildJvm;
import dev.precog.it.harness.Cli;
import dev.precog.it.harness.Jdk;
import dev.precog.it.harness.Paths;
import dev.precog.it.harness.Reports;
import dev.precog.it.workload.ClassLoaderLeakingService;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A template engine that defines every compiled template in a new class loader and keeps them
 * all: live, the report names a METASPACE_LEAK with the engine's loader type first from two
 * class-loader censuses; offline, the service's own recording gives the same finding, with the
 * loader named from jdk.ClassLoaderStatistics when the recording has those events.
 */
class MetaspaceLeakIT {

    private static final String TEMPLATE_LOADER = ClassLoaderLeakingService.class.getName() + "$TemplateClassLoader";
    private static final String STATISTICS_EVENT = "jdk.ClassLoaderStatistics";

    static Stream<Jdk> jdks() {
        return Jdk.all().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("jdks")
    void classLoaderLeakIsReportedLiveAndOfflineWithTheLoaderTypeNamed(Jdk jdk) throws Exception {
        Path dir = Paths.workDir("metaspace-" + jdk.name());
        Path recording = dir.resolve("service.jfr");
        try (ChildJvm service = ChildJvm.on(jdk, dir)
                .jvmArgs("-Xmx128m", "-XX:+UseG1GC",
                        "-XX:StartFlightRecording=filename=" + recording + ",settings=default,dumponexit=true")
                .agent("reportDir=" + dir + ",window=1s,interval=2s")
                .start(ClassLoaderLeakingService.class, "40")) {
            Path reportFile = Reports.file(dir, service.pid());

            JsonNode r = Reports.await(service, reportFile, "METASPACE_LEAK naming the template loader", Duration.ofMinutes(3), polled -> {
                assertThat(Reports.findings(polled, "METASPACE_LEAK")).hasSize(1);
                // named from two class-loader censuses taken once the leak was reported
                assertThat(Reports.findings(polled, "METASPACE_LEAK").get(0).path("suspects").path(0).path("className").asText())
                        .isEqualTo(TEMPLATE_LOADER);
            });

            JsonNode leak = Reports.findings(r, "METASPACE_LEAK").get(0);
            assertThat(leak.path("severity").asText()).isEqualTo("WARNING");
            assertThat(leak.path("pattern").asText()).isEqualTo("LINEAR");
            assertThat(leak.path("summary").asText()).contains("Classes pile up in metaspace", TEMPLATE_LOADER);
            JsonNode evidence = leak.path("evidence");
            // 40 templates a second is 2,400 classes a minute, each with about 13 KB of metaspace
            assertThat(evidence.path("classGrowthPerMinute").asLong()).isBetween(1_500L, 3_000L);
            assertThat(evidence.path("classGrowthPerMinuteLow").asLong()).isPositive();
            assertThat(evidence.path("metaspaceGrowthBytesPerMinute").asLong()).isGreaterThan(5L * 1024 * 1024);
            assertThat(evidence.path("classesUnloaded").asLong()).isLessThan(100);
            assertThat(evidence.has("suspectsNote")).isFalse();
            JsonNode culprit = leak.path("suspects").path(0);
            assertThat(culprit.path("basis").asText()).isEqualTo("class-loader-census");
            // the censuses are at least 30 s apart: about 1,200 new loaders, one class each
            assertThat(culprit.path("growthInstances").asLong()).isGreaterThan(300);
            assertThat(culprit.path("detail").asText()).contains("new loaders of this type");
            assertThat(leak.path("suggestions").findValuesAsText("command"))
                    .contains("jcmd " + service.pid() + " VM.classloader_stats");
            assertThat(Reports.violations(r)).isEmpty();

            assertThat(service.stop()).as(service::describe).isEqualTo(ChildJvm.EXIT_ON_STDIN_CLOSED);
            assertThat(service.stderr()).as("the agent prints nothing into the application's stderr").isBlank();
        }

        // Offline: the service's own recording gives the same finding.
        assertThat(recording).exists();
        Path offlineReport = dir.resolve("offline-report.json");
        Cli.Result analyze = Cli.run(jdk, dir, "analyze", recording.toString(), "--out", offlineReport.toString(), "--window", "1s");
        assertThat(analyze.exitCode()).as(analyze.stderr()).isZero();
        assertThat(analyze.stdout()).contains("METASPACE_LEAK");
        JsonNode offline = Reports.read(offlineReport).orElseThrow();
        assertThat(Reports.violations(offline)).isEmpty();
        assertThat(Reports.findings(offline, "METASPACE_LEAK")).hasSize(1);
        JsonNode offlineLeak = Reports.findings(offline, "METASPACE_LEAK").get(0);
        if (recordedEvents(jdk, dir, recording, STATISTICS_EVENT) > 0) {
            // settings=default records class-loader statistics at each chunk's start and end
            assertThat(offlineLeak.path("suspects").path(0).path("className").asText()).isEqualTo(TEMPLATE_LOADER);
            assertThat(offlineLeak.path("suspects").path(0).path("basis").asText()).isEqualTo("class-loader-census");
        } else {
            assertThat(offlineLeak.path("suspects")).isEmpty();
            assertThat(offlineLeak.path("evidence").path("suspectsNote").asText()).contains(STATISTICS_EVENT);
        }
    }

    /** How many events of {@code type} the recording holds, from the JDK's own {@code jfr summary}. */
    private static long recordedEvents(Jdk jdk, Path dir, Path recording, String type) throws IOException, InterruptedException {
        Path out = dir.resolve("jfr-summary.txt");
        Process p = new ProcessBuilder(jdk.home().resolve("bin/jfr").toString(), "summary", recording.toString())
                .redirectErrorStream(true).redirectOutput(out.toFile()).start();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("jfr summary did not finish within 60 s");
        }
        Matcher m = Pattern.compile("^\\s*" + Pattern.quote(type) + "\\s+(\\d+)", Pattern.MULTILINE)
                .matcher(Files.readString(out, StandardCharsets.UTF_8));
        return m.find() ? Long.parseLong(m.group(1)) : 0;
    }
}
