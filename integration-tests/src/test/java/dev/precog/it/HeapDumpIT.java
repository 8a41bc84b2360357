package dev.precog.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.precog.it.harness.ChildJvm;
import dev.precog.it.harness.Cli;
import dev.precog.it.harness.Jdk;
import dev.precog.it.harness.Paths;
import dev.precog.it.harness.PrecogJmx;
import dev.precog.it.harness.Reports;
import dev.precog.it.workload.LeakingSessionService;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * heapDump=auto on a leaking service: exactly one dump, readable by its owner only, recorded in
 * the report; the MBean's dumpHeap() takes another on request, the same way. (LeakDetectionIT
 * runs the same service without the option and finds no dump file.)
 */
class HeapDumpIT {

    static Stream<Jdk> jdks() {
        return Jdk.all().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("jdks")
    void oneOwnerOnlyDumpIsTakenAndRecorded(Jdk jdk) throws Exception {
        Path dir = Paths.workDir("heapdump-" + jdk.name());
        // A leak of about 2.4 MB/s; a small young generation (frequent collections, a clean
        // after-GC floor) and old collections from early on (a fixed, low IHOP), so the leak is
        // confirmed (WARNING) in about 20 s on JDK 17 and 25 (over a minute on JDK 25 with
        // G1's defaults) while the heap has minutes to go.
        try (ChildJvm service = ChildJvm.on(jdk, dir)
                .jvmArgs("-Xmx512m", "-Xmn32m", "-XX:+UseG1GC", "-XX:-G1UseAdaptiveIHOP", "-XX:InitiatingHeapOccupancyPercent=10",
                        "-XX:+HeapDumpOnOutOfMemoryError", "-XX:HeapDumpPath=" + dir.resolve("oom"))
                .agent("reportDir=" + dir + ",window=1s,interval=2s,heapDump=auto,heapDumpBefore=24h")
                .start(LeakingSessionService.class, "300", "8192")) {
            Path reportFile = Reports.file(dir, service.pid());
            Path expected = dir.resolve("precog-heap-" + service.pid() + ".hprof");

            JsonNode r = Reports.await(service, reportFile, "heapDumpSuggestion.autoDump taken", Duration.ofMinutes(3), polled -> {
                JsonNode auto = polled.path("heapDumpSuggestion").path("autoDump");
                assertThat(auto.path("status").asText()).as(auto::toString).isIn("armed", "taken");
                assertThat(auto.path("status").asText()).isEqualTo("taken");
            });

            JsonNode advice = r.path("heapDumpSuggestion");
            JsonNode auto = advice.path("autoDump");
            assertThat(auto.path("path").asText()).isEqualTo(expected.toString());
            assertThat(auto.path("bytes").asLong()).isEqualTo(Files.size(expected)).isGreaterThan(10L * 1024 * 1024);
            assertThat(auto.path("ownerOnly").asBoolean()).isTrue();
            assertThat(auto.path("durationSeconds").asDouble()).isPositive();
            assertThat(auto.path("heapDumpBeforeSeconds").asDouble()).isEqualTo(24 * 3600.0);
            assertThat(auto.path("reason").asText()).startsWith("Taken on a MEMORY_LEAK at WARNING or above")
                    .contains("readable by its owner only");
            assertThat(Reports.findings(r, "MEMORY_LEAK")).singleElement()
                    .satisfies(f -> assertThat(f.path("severity").asText()).isIn("WARNING", "CRITICAL"));
            // the estimate errs large, as it should for a disk check
            assertThat(advice.path("estimatedDumpBytes").asLong()).isGreaterThanOrEqualTo(auto.path("bytes").asLong());
            assertThat(advice.path("diskHasRoom").asBoolean()).isTrue();
            assertThat(advice.path("mbeanOperation").asText()).isEqualTo("dev.precog:type=Precog dumpHeap()");
            assertThat(advice.get("onOutOfMemoryFlags").isNull()).as("the JVM has -XX:+HeapDumpOnOutOfMemoryError").isTrue();
            assertThat(Reports.violations(r)).isEmpty();
            assertOwnerOnlyHprof(expected);
            assertThat(dumpsIn(dir)).containsExactly(expected);

            // at most one per run: the leak goes on, the dump is not taken again
            long windowsAtDump = r.path("analysis").path("windows").asLong();
            await("five more analysed windows").atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofSeconds(1))
                    .untilAsserted(() -> {
                        JsonNode later = Reports.read(reportFile).orElseThrow();
                        assertThat(later.path("analysis").path("windows").asLong()).isGreaterThanOrEqualTo(windowsAtDump + 5);
                        assertThat(later.path("heapDumpSuggestion").path("autoDump")).isEqualTo(auto);
                    });
            assertThat(dumpsIn(dir)).containsExactly(expected);

            // status says what the automatic dump did
            Cli.Result status = Cli.run(jdk, dir, "status", Long.toString(service.pid()));
            assertThat(status.exitCode()).as(status.stderr()).isZero();
            assertThat(status.stdout()).contains("Automatic heap dump (taken): Taken on a MEMORY_LEAK", "or JMX: dev.precog:type=Precog dumpHeap()");

            // the advised JMX operation: another dump, beside the first, owner-only too
            try (PrecogJmx jmx = PrecogJmx.connect(service.pid())) {
                Path manual = Path.of(jmx.dumpHeap());
                assertThat(manual).isEqualTo(dir.resolve("precog-heap-" + service.pid() + "-2.hprof"));
                assertOwnerOnlyHprof(manual);
                assertThat(dumpsIn(dir)).containsExactlyInAnyOrder(expected, manual);
            }
            assertThat(service.stop()).as(service::describe).isEqualTo(ChildJvm.EXIT_ON_STDIN_CLOSED);
        }
        try (Stream<Path> left = Files.list(dir)) {
            assertThat(left.map(p -> p.getFileName().toString())).as("no private dump directory left behind")
                    .noneMatch(n -> n.startsWith(".precog-dump-"));
        }
        // a passing run keeps no dumps (hundreds of MB each); a failing one keeps them to look at
        for (Path dump : dumpsIn(dir)) {
            Files.delete(dump);
        }
    }

    private static void assertOwnerOnlyHprof(Path file) throws IOException {
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        try (InputStream in = Files.newInputStream(file)) {
            assertThat(new String(in.readNBytes(18), StandardCharsets.US_ASCII)).isEqualTo("JAVA PROFILE 1.0.2");
        }
    }

    static List<Path> dumpsIn(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".hprof")).sorted().toList();
        }
    }
}
