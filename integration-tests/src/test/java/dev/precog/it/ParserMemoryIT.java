package dev.precog.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.precog.it.harness.ChildJvm;
import dev.precog.it.harness.Cli;
import dev.precog.it.harness.Jdk;
import dev.precog.it.harness.Paths;
import dev.precog.it.harness.PrecogJmx;
import dev.precog.it.harness.Reports;
import dev.precog.it.workload.RuleEngineService;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A rule engine whose every allocation sample brings a new stack trace (as javac's do): JFR's
 * stream parser keeps each stack of the current chunk, so without the agent ending chunks it held
 * every stack since start-up. The agent ends a chunk per thousand stacks or ten thousand frames in
 * them; the application's own recording, which gets the same chunk boundaries, keeps all its events.
 * Busy, its new stacks come faster than chunks can be ended, and the agent samples allocations less.
 */
class ParserMemoryIT {

    /** The parser's stacks are RecordedStackTrace objects (their frames hang from them). */
    private static final Pattern STACK_OBJECTS = Pattern.compile("\\s(\\d+)\\s+\\d+\\s+jdk\\.jfr\\.consumer\\.RecordedStackTrace\\b");

    static Stream<Jdk> jdks() {
        return Jdk.all().stream();
    }

    /** The option is read the same on every JDK: one is enough. */
    static Stream<Jdk> currentJdk() {
        return Stream.of(Jdk.current());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("jdks")
    void theStreamsStacksStayBoundedAndTheApplicationsRecordingKeepsItsEvents(Jdk jdk) throws Exception {
        Path dir = Paths.workDir("parsermemory-" + jdk.name());
        Path recording = dir.resolve("service.jfr");
        try (ChildJvm service = ruleEngineWithItsOwnRecording(jdk, dir, recording, "")) {
            Path reportFile = Reports.file(dir, service.pid());

            // each rotation needed a thousand distinct stacks (or ten thousand frames) since the one before
            JsonNode rotated = Reports.await(service, reportFile, "two chunks ended", Duration.ofMinutes(4),
                    r -> assertThat(r.path("agent").path("jfrChunkRotations").asLong()).isGreaterThanOrEqualTo(2));
            long stacks = liveStackObjects(jdk, service.pid());
            assertThat(stacks).as("stack traces held, after at least 2000 were seen").isBetween(1L, 1500L);

            // the stream reads on across the chunks it ended
            long events = rotated.path("agent").path("eventsProcessed").asLong();
            Reports.await(service, reportFile, "events after the rotations", Duration.ofMinutes(2),
                    r -> assertThat(r.path("agent").path("eventsProcessed").asLong()).isGreaterThan(events + 500));
            JsonNode r = Reports.read(reportFile).orElseThrow();
            assertThat(r.path("analysis").path("notes").toString()).doesNotContain("JFR chunks not ended");
            assertThat(Reports.violations(r)).isEmpty();

            assertThat(service.stop()).as(service::describe).isEqualTo(ChildJvm.EXIT_ON_STDIN_CLOSED);
        }

        // the application's recording is whole: allocation samples throughout, across Precog's chunk ends
        assertThat(count(recording, e -> e.getEventType().getName().equals("jdk.ObjectAllocationSample"))).isGreaterThan(1000);
        assertThat(count(recording, ParserMemoryIT::precogChunkEnd)).as("Precog's empty recordings, seen by JFR's own bookkeeping")
                .isPositive();
    }

    /** The operator's choice when their own recording's size matters more: the same service, no chunk ended. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("currentJdk")
    void withChunkRotationOffTheApplicationsRecordingGetsNoChunkFromPrecogAndTheReportSaysSo(Jdk jdk) throws Exception {
        Path dir = Paths.workDir("parsermemory-off-" + jdk.name());
        Path recording = dir.resolve("service.jfr");
        try (ChildJvm service = ruleEngineWithItsOwnRecording(jdk, dir, recording, ",chunkRotation=off")) {
            Path reportFile = Reports.file(dir, service.pid());
            // as long as the case above takes to end its first chunks, and as many new stacks
            JsonNode report = Reports.await(service, reportFile, "40 windows", Duration.ofMinutes(4),
                    r -> assertThat(r.path("agent").path("windowsAnalysed").asLong()).isGreaterThanOrEqualTo(40));
            assertThat(report.path("agent").path("jfrChunkRotations").asLong()).as(report.path("agent")::toString).isZero();
            assertThat(report.path("analysis").path("notes").toString()).contains("JFR chunks not ended (chunkRotation=off)");
            assertThat(Reports.violations(report)).isEmpty();
            assertThat(service.stop()).as(service::describe).isEqualTo(ChildJvm.EXIT_ON_STDIN_CLOSED);
        }
        assertThat(count(recording, ParserMemoryIT::precogChunkEnd)).isZero();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("jdks")
    void whereNewStacksOutrunTheChunksEndsAllocationSamplesAreLoweredOnceAndTheReportSaysSo(Jdk jdk) throws Exception {
        Path dir = Paths.workDir("parserguard-" + jdk.name());
        try (ChildJvm service = ChildJvm.on(jdk, dir)
                .jvmArgs("-Xmx128m")
                // a 10-s period, so the recent event rates show the lowered sampling soon
                .agent("reportDir=" + dir + ",window=1s,interval=2s,overheadPeriod=10s")
                .start(RuleEngineService.class, "busy")) {
            Path reportFile = Reports.file(dir, service.pid());

            JsonNode lowered = Reports.await(service, reportFile, "allocation samples lowered", Duration.ofMinutes(4),
                    r -> assertThat(r.path("agent").path("jfrAllocationSamplesLowered").asText())
                            .startsWith("jdk.ObjectAllocationSample throttle 30/s (was 150/s) since "));
            JsonNode agent = lowered.path("agent");
            assertThat(agent.path("jfrAllocationSamplesLowered").asText()).contains("JFR's stream parser held");
            assertThat(agent.path("jfrParserStackBytes").asLong()).as("what the chunk held when it ended, or a later one")
                    .isPositive();
            assertThat(agent.path("budget").path("level").asInt()).as("the budget did not lower anything").isZero();

            // JFR applied it: samples arrive at the lowered rate or below (the service allocates as fast
            // as before, and came near 150/s; 0 when they fall out of the ten most frequent events)
            Reports.await(service, reportFile, "samples at the lowered rate", Duration.ofMinutes(3),
                    r -> assertThat(allocationSamplesPerSecond(r)).as(r.path("agent").path("recent")::toString)
                            .isLessThan(40));
            try (PrecogJmx jmx = PrecogJmx.connect(service.pid())) {
                assertThat((String) jmx.attribute("JfrAllocationSamplesLowered")).startsWith("jdk.ObjectAllocationSample throttle 30/s");
                assertThat((Long) jmx.attribute("JfrParserStackBytes")).isPositive();
                assertThat((String) jmx.attribute("Status")).contains("allocation samples lowered");
            }
            Cli.Result status = Cli.run(jdk, dir, "status", Long.toString(service.pid()));
            assertThat(status.exitCode()).as(status.stderr()).isZero();
            assertThat(status.stdout()).contains("Parser memory: jdk.ObjectAllocationSample throttle 30/s (was 150/s)");
            assertThat(Reports.violations(Reports.read(reportFile).orElseThrow())).isEmpty();

            assertThat(service.stop()).as(service::describe).isEqualTo(ChildJvm.EXIT_ON_STDIN_CLOSED);
        }
    }

    private static double allocationSamplesPerSecond(JsonNode report) {
        for (JsonNode t : report.path("agent").path("recent").path("topEventTypes")) {
            if (t.path("eventType").asText().equals("jdk.ObjectAllocationSample")) {
                return t.path("perSecond").asDouble();
            }
        }
        return 0;
    }

    /** The rule engine with Precog ({@code moreOptions} after its own) and the application's own recording to {@code recording}. */
    private static ChildJvm ruleEngineWithItsOwnRecording(Jdk jdk, Path dir, Path recording, String moreOptions) {
        return ChildJvm.on(jdk, dir)
                .jvmArgs("-Xmx128m", "-XX:StartFlightRecording=filename=" + recording + ",settings=default,dumponexit=true")
                .agent("reportDir=" + dir + ",window=1s,interval=2s" + moreOptions)
                .start(RuleEngineService.class);
    }

    /** Events of the application's recording that pass {@code which}. */
    private static long count(Path recording, Predicate<RecordedEvent> which) throws IOException {
        long n = 0;
        try (RecordingFile file = new RecordingFile(recording)) {
            while (file.hasMoreEvents()) {
                if (which.test(file.readEvent())) {
                    n++;
                }
            }
        }
        return n;
    }

    /** JFR's bookkeeping of the empty recording Precog starts and stops to end a chunk. */
    private static boolean precogChunkEnd(RecordedEvent e) {
        return e.getEventType().getName().equals("jdk.ActiveRecording") && "Precog chunk rotation".equals(e.getString("name"));
    }

    /** Live RecordedStackTrace objects in the service, from a class histogram (which collects first). */
    private static long liveStackObjects(Jdk jdk, long pid) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(jdk.home().resolve("bin/jcmd").toString(), Long.toString(pid), "GC.class_histogram")
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(2, TimeUnit.MINUTES)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
        Matcher m = STACK_OBJECTS.matcher(out);
        assertThat(m.find()).as("RecordedStackTrace in the histogram:\n" + out.lines().limit(40).toList()).isTrue();
        return Long.parseLong(m.group(1));
    }
}
