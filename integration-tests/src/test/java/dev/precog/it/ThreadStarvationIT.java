package dev.precog.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.precog.it.harness.ChildJvm;
import dev.precog.it.harness.Cli;
import dev.precog.it.harness.Jdk;
import dev.precog.it.harness.Paths;
import dev.precog.it.harness.Reports;
import dev.precog.it.workload.ThumbnailService;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Thread pools on real JVMs: a thumbnail pool stuck at its 2 core workers behind an unbounded
 * queue, while uploads arrive faster than they finish, is THREAD_STARVATION naming the job class,
 * live and from the service's own recording, and when Precog attaches to the running service; the
 * same service with room to spare raises nothing; and {@code threadPools=false} leaves the pools
 * alone.
 */
@Order(SuiteOrder.LONG)
class ThreadStarvationIT {

    private static final String JOB = ThumbnailService.class.getName() + "$ThumbnailJob";
    private static final String POOL_EVENT = "precog.ThreadPool";

    static Stream<Jdk> jdks() {
        return Jdk.all().stream();
    }

    /** The test JDK alone, for a control whose instrumentation the starved pool's test covers on every JDK. */
    static Stream<Jdk> currentJdk() {
        return Stream.of(Jdk.current());
    }

    /** The newest JDK alone, for the other control (with two JDKs, one control on each). */
    static Stream<Jdk> latestJdk() {
        return Stream.of(Jdk.latest());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("jdks")
    void aPoolThatCannotKeepUpIsStarvedAndNamesItsJobs(Jdk jdk) throws Exception {
        Path dir = Paths.workDir("starving-pool-" + jdk.name());
        Path recording = dir.resolve("service.jfr");
        try (ChildJvm service = recordedWithAgent(jdk, dir, recording, "")
                .start(ThumbnailService.class, "2", "16", "25", "100")) {
            Path reportFile = Reports.file(dir, service.pid());
            JsonNode report = Reports.await(service, reportFile, "THREAD_STARVATION", Duration.ofMinutes(3), r -> {
                assertThat(Reports.findings(r, "THREAD_STARVATION")).singleElement()
                        .satisfies(f -> assertThat(f.path("suspects").path(0).path("className").asText()).isEqualTo(JOB));
                assertThat(Reports.violations(r)).isEmpty();
                assertThat(Reports.detectorFailures(r)).isEmpty();
                // run on until the recording surely spans the offline detector's 30 s as well
                assertThat(r.path("analysis").path("windows").asLong()).isGreaterThanOrEqualTo(40);
            });

            JsonNode f = Reports.findings(report, "THREAD_STARVATION").get(0);
            assertThat(f.path("id").asText()).isEqualTo("thread-starvation:pool:thumbnail-*");
            assertThat(f.path("summary").asText()).startsWith("Thread pool thumbnail-* is starved: all 2 workers busy while");
            JsonNode e = f.path("evidence");
            assertThat(e.path("queueUnbounded").asBoolean()).isTrue();
            assertThat(e.path("maximumPoolSize").asInt()).isEqualTo(16);
            assertThat(e.path("submittedFrom").asText()).startsWith(ThumbnailService.class.getName() + ".acceptUploads:");
            assertThat(e.path("queueWaitMeanMillis").asDouble()).isGreaterThan(100);
            assertThat(e.path("taskMillis").asDouble()).isBetween(90.0, 1000.0);
            // the workers wait for the image store, and the advice says so before it says to add threads
            assertThat(e.path("workersBlockedOn").path("kind").asText()).isEqualTo("socket read");
            assertThat(e.path("workersBlockedOn").path("ownerType").asText())
                    .isEqualTo(ThumbnailService.class.getName() + "$ImageStoreClient");
            assertThat(f.path("suggestions").path(0).path("action").asText()).startsWith("The workers wait rather than work");
            assertThat(f.path("suggestions").toString()).contains("Raise corePoolSize: this pool never grows past it");
            assertThat(service.stderr()).as("the instrumentation prints nothing into the application's stderr").isBlank();
            assertThat(service.stop()).as(service::describe).isEqualTo(ChildJvm.EXIT_ON_STDIN_CLOSED);
        }

        Path offlineReport = dir.resolve("offline-report.json");
        Cli.Result analyze = Cli.run(jdk, dir, "analyze", recording.toString(), "--out", offlineReport.toString(), "--window", "2s");
        assertThat(analyze.exitCode()).as(analyze.stderr()).isZero();
        JsonNode offline = Reports.read(offlineReport).orElseThrow();
        assertThat(Reports.findings(offline, "THREAD_STARVATION")).singleElement()
                .satisfies(f -> assertThat(f.path("suspects").path(0).path("className").asText()).isEqualTo(JOB));
        assertThat(Reports.violations(offline)).isEmpty();
        assertThat(Reports.detectorFailures(offline)).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("jdks")
    void aPoolAlreadyBusyWhenPrecogAttachesIsInstrumentedAndFound(Jdk jdk) throws Exception {
        Path dir = Paths.workDir("starving-pool-attach-" + jdk.name());
        try (ChildJvm service = ChildJvm.on(jdk, dir).jvmArgs("-Xmx128m").start(ThumbnailService.class, "2", "16", "25", "100")) {
            await().atMost(Duration.ofSeconds(60)).until(() -> service.stdout().contains("ready"));
            String pid = Long.toString(service.pid());
            // the pool class is loaded and its workers run already: the attach has to retransform it
            Cli.Result attach = Cli.run(jdk, dir, "attach", pid, "reportDir=reports,window=1s,interval=1s,"
                    + ChildJvm.WHOLE_CORE_BUDGET);
            assertThat(attach.exitCode()).as(attach.stdout() + attach.stderr()).isZero();

            Path reportFile = Reports.file(dir.resolve("reports"), service.pid());
            Reports.await(service, reportFile, "THREAD_STARVATION after attach", Duration.ofMinutes(3), r -> {
                assertThat(Reports.findings(r, "THREAD_STARVATION")).singleElement().satisfies(f -> {
                    assertThat(f.path("suspects").path(0).path("className").asText()).isEqualTo(JOB);
                    // workers that started before the attach are named on their next task
                    assertThat(f.path("evidence").path("threadNamePrefix").asText()).isEqualTo("thumbnail-");
                });
                assertThat(Reports.detectorFailures(r)).isEmpty();
            });
            assertThat(service.stderr()).doesNotContain("Exception");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("latestJdk")
    void aPoolWithRoomToSpareIsNoFinding(Jdk jdk) throws Exception {
        Path dir = Paths.workDir("roomy-pool-" + jdk.name());
        Path recording = dir.resolve("service.jfr");
        try (ChildJvm service = recordedWithAgent(jdk, dir, recording, "")
                .start(ThumbnailService.class, "4", "4", "5", "40")) {
            Path reportFile = Reports.file(dir, service.pid());
            Reports.await(service, reportFile, "45 analysed windows", Duration.ofMinutes(3), r -> {
                assertThat(Reports.findings(r, "THREAD_STARVATION")).isEmpty();
                assertThat(Reports.findings(r, "IO_BOUND")).isEmpty();
                assertThat(Reports.detectorFailures(r)).isEmpty();
                assertThat(r.path("analysis").path("windows").asLong()).isGreaterThanOrEqualTo(45);
            });
            assertThat(service.stop()).as(service::describe).isEqualTo(ChildJvm.EXIT_ON_STDIN_CLOSED);
        }
        // the pool was watched all along: its events are in the recording, its queue almost always empty
        List<RecordedEvent> pool = poolEvents(recording, "thumbnail-");
        assertThat(pool).hasSizeGreaterThan(30);
        assertThat(pool.stream().filter(e -> e.getInt("queueSize") == 0).count()).isGreaterThan(pool.size() * 8L / 10);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("currentJdk")
    void threadPoolsFalseLeavesThePoolsAlone(Jdk jdk) throws Exception {
        Path dir = Paths.workDir("pools-off-" + jdk.name());
        Path recording = dir.resolve("service.jfr");
        try (ChildJvm service = recordedWithAgent(jdk, dir, recording, ",threadPools=false")
                .start(ThumbnailService.class, "2", "16", "25", "100")) {
            Path reportFile = Reports.file(dir, service.pid());
            // the same starving pool: I/O-bound is still seen, starvation cannot be
            Reports.await(service, reportFile, "IO_BOUND", Duration.ofMinutes(3), r -> {
                assertThat(Reports.findings(r, "IO_BOUND")).isNotEmpty();
                assertThat(r.path("analysis").path("windows").asLong()).isGreaterThanOrEqualTo(35);
                assertThat(Reports.findings(r, "THREAD_STARVATION")).isEmpty();
            });
            assertThat(service.stop()).as(service::describe).isEqualTo(ChildJvm.EXIT_ON_STDIN_CLOSED);
        }
        assertThat(poolEvents(recording, null)).isEmpty();
    }

    /** The service with the agent (1 s windows, plus {@code moreOptions}) and its own JFR recording. */
    private static ChildJvm.Builder recordedWithAgent(Jdk jdk, Path dir, Path recording, String moreOptions) {
        return ChildJvm.on(jdk, dir)
                .jvmArgs("-Xmx128m", "-XX:StartFlightRecording=filename=" + recording + ",settings=default,dumponexit=true")
                .agent("reportDir=" + dir + ",window=1s,interval=1s" + moreOptions);
    }

    /** The recording's pool events, of the pool whose workers' names start with {@code prefix} (all when null). */
    private static List<RecordedEvent> poolEvents(Path recording, String prefix) throws IOException {
        List<RecordedEvent> out = new ArrayList<>();
        for (RecordedEvent e : RecordingFile.readAllEvents(recording)) {
            if (e.getEventType().getName().equals(POOL_EVENT)
                    && (prefix == null || prefix.equals(e.getString("threadNamePrefix")))) {
                out.add(e);
            }
        }
        return out;
    }
}
