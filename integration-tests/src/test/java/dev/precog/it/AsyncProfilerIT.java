package dev.precog.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.precog.it.harness.BundledAsyncProfiler;
import dev.precog.it.harness.ChildJvm;
import dev.precog.it.harness.Jdk;
import dev.precog.it.harness.Paths;
import dev.precog.it.harness.Reports;
import dev.precog.it.workload.AllocationHeavyService;
import dev.precog.it.workload.InventoryReservationService;
import dev.precog.it.workload.LeakingSessionService;
import dev.precog.it.workload.ReportRenderingService;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * async-profiler evidence on real JVMs ({@code asyncProfiler=on}): a CPU burn's finding gets the
 * renderer's stacks and a flame graph beside the report, an allocation-heavy decoder's finding its
 * allocation stacks, a contended ledger's finding its lock stacks, a leak's finding the stacks that
 * allocated what stayed alive; where another agent already loaded async-profiler, or JDK 24+ was
 * not granted native access, Precog loads nothing and says the stacks come from JFR. The leak's test
 * alone does not take the CPU-heavy lock: its service allocates, it does not burn.
 */
@EnabledOnOs(OS.LINUX)
@Order(SuiteOrder.CPU_HEAVY)
class AsyncProfilerIT {

    private static final String RENDERER = ReportRenderingService.class.getName() + "$ReportRenderer";
    private static final String AGENT = ",window=1s,interval=1s,asyncProfiler=on,profileDuration=5s";

    static Stream<Jdk> jdks() {
        return Jdk.all().stream();
    }

    private static int renderThreads() {
        return 4 * Runtime.getRuntime().availableProcessors();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("jdks")
    @ResourceLock(CpuHeavy.LOCK)
    void aSaturatedCpuIsProfiledWithTheHotMethodOnTopAndAFlameGraphBesideTheReport(Jdk jdk) throws Exception {
        Path dir = Paths.workDir("async-profiler-cpu-" + jdk.name());
        Path tmp = Files.createDirectories(dir.resolve("tmp"));
        // on JDK 24+ with the operator's grant JEP 472 asks for; without it Precog refuses (see below)
        try (ChildJvm service = ChildJvm.on(jdk, dir).jvmArgs(withNativeAccess(jdk, "-Xmx128m", "-Djava.io.tmpdir=" + tmp))
                .agent("reportDir=" + dir + AGENT)
                .start(ReportRenderingService.class, String.valueOf(renderThreads()))) {
            JsonNode profile = awaitCpuProfile(service, p -> p.path("source").asText().startsWith("async-profiler "));

            // perf events where allowed, itimer where not: either way CPU time, named in source
            assertThat(profile.path("mode").asText()).isIn("cpu", "itimer");
            assertThat(profile.path("source").asText()).isEqualTo("async-profiler " + profile.path("mode").asText());
            assertThat(profile.path("durationSeconds").asDouble()).isBetween(4.5, 30.0);
            assertThat(profile.path("samples").asLong()).isPositive();
            JsonNode top = profile.path("topStacks").path(0);
            assertThat(top.path("frames").path(0).asText()).isEqualTo(RENDERER + ".layout");
            assertThat(top.path("share").asDouble()).isGreaterThan(0.3);
            Path flameGraph = Path.of(profile.path("flameGraph").asText());
            assertThat(flameGraph.getParent()).isEqualTo(dir.toAbsolutePath());
            assertThat(flameGraph.getFileName().toString()).isEqualTo("precog-profile-" + service.pid() + "-cpu-saturation-cpu.html");
            assertThat(Files.readString(flameGraph)).startsWith("<!DOCTYPE html>").contains("layout");
            // the report's page links it by its file name (the page is written just after the JSON)
            String link = "<a href=\"" + flameGraph.getFileName() + "\">";
            await("the report page links the flame graph").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1))
                    .untilAsserted(() -> assertThat(Files.readString(Reports.page(dir, service.pid()))).contains(link));
            // async-profiler's log goes to Precog's private file, never to the application's streams
            assertThat(service.stdout().strip()).as(service::describe).isEqualTo("ready");
            assertThat(service.stderr()).as(service::describe).doesNotContain("WARNING", "[WARN]", "[INFO]");
            assertThat(service.stop()).as(service::describe).isEqualTo(ChildJvm.EXIT_ON_STDIN_CLOSED);
        }
        // the library was deleted once loaded, and its directory (with the log) at shutdown
        try (Stream<Path> left = Files.list(tmp)) {
            assertThat(left.map(p -> p.getFileName().toString())).noneMatch(n -> n.startsWith("precog-asprof-"));
        }
    }

    /**
     * The alloc mode, on the test JDK: a confident ALLOCATION_PRESSURE gets async-profiler's allocation
     * stacks (its own sampling of TLAB and outside-TLAB allocations, not JFR's), the decoder on top.
     */
    @Test
    @ResourceLock(CpuHeavy.LOCK)
    void allocationPressureIsProfiledInAllocModeNamingTheAllocatingCode() throws Exception {
        Jdk jdk = Jdk.all().get(0);
        Path dir = Paths.workDir("async-profiler-alloc");
        try (ChildJvm service = ChildJvm.on(jdk, dir).jvmArgs(withNativeAccess(jdk, "-Xmx256m", "-XX:+UseG1GC"))
                .agent("reportDir=" + dir + AGENT).start(AllocationHeavyService.class)) {
            JsonNode profile = awaitProfile(service, "ALLOCATION_PRESSURE", "async-profiler alloc");

            assertThat(profile.path("mode").asText()).isEqualTo("alloc");
            assertThat(profile.path("samples").asLong()).isPositive();
            // the allocated type first, then the code that allocates it
            JsonNode top = profile.path("topStacks").path(0);
            assertThat(top.path("frames").path(0).asText()).as(profile::toString)
                    .isEqualTo(AllocationHeavyService.class.getName() + "$PriceTick");
            assertThat(top.path("frames").path(1).asText()).isEqualTo(AllocationHeavyService.class.getName() + ".decodeBatch");
            assertThat(top.path("share").asDouble()).isGreaterThan(0.3);
            Path flameGraph = Path.of(profile.path("flameGraph").asText());
            assertThat(flameGraph.getParent()).isEqualTo(dir.toAbsolutePath());
            assertThat(flameGraph.getFileName().toString())
                    .isEqualTo("precog-profile-" + service.pid() + "-allocation-pressure-allocation.html");
            assertThat(Files.readString(flameGraph)).startsWith("<!DOCTYPE html>").contains("decodeBatch");
        }
    }

    /**
     * The lock mode, on the test JDK: a confident LOCK_CONTENTION on a synchronized ledger gets
     * async-profiler's lock stacks, the contended monitor's class on top and the method that waits
     * for it under it.
     */
    @Test
    @ResourceLock(CpuHeavy.LOCK)
    void lockContentionIsProfiledInLockModeNamingTheMonitorAndItsWaiters() throws Exception {
        Jdk jdk = Jdk.all().get(0);
        Path dir = Paths.workDir("async-profiler-lock");
        String ledger = InventoryReservationService.class.getName() + "$StockLedger";
        try (ChildJvm service = ChildJvm.on(jdk, dir).jvmArgs(withNativeAccess(jdk, "-Xmx128m")).agent("reportDir=" + dir + AGENT)
                .start(InventoryReservationService.class, "6", "5000", "0")) {
            JsonNode profile = awaitProfile(service, "LOCK_CONTENTION", "async-profiler lock");

            assertThat(profile.path("mode").asText()).isEqualTo("lock");
            assertThat(profile.path("samples").asLong()).isPositive();
            // the monitor's class first, then the code that waits to enter it
            JsonNode top = profile.path("topStacks").path(0);
            assertThat(top.path("frames").path(0).asText()).as(profile::toString).isEqualTo(ledger);
            assertThat(top.path("frames").path(1).asText()).isEqualTo(ledger + ".reserve");
            assertThat(top.path("share").asDouble()).isGreaterThan(0.3);
            Path flameGraph = Path.of(profile.path("flameGraph").asText());
            assertThat(flameGraph.getParent()).isEqualTo(dir.toAbsolutePath());
            assertThat(flameGraph.getFileName().toString())
                    .startsWith("precog-profile-" + service.pid() + "-lock-contention-lock-").endsWith(".html");
            assertThat(Files.readString(flameGraph)).startsWith("<!DOCTYPE html>").contains("reserve");
        }
    }

    /**
     * The alloc-live mode, on the test JDK: a leak's finding gets the stacks that allocated what a
     * full collection kept, the leaking sessions' arrays, not the garbage every request makes.
     */
    @Test
    void aLeakIsProfiledInAllocLiveModeNamingWhatSurvivedACollection() throws Exception {
        Jdk jdk = Jdk.all().get(0);
        Path dir = Paths.workDir("async-profiler-live");
        // 15 s: what survives is a small share of what is allocated, and the run samples one MB in each
        String agent = "reportDir=" + dir + AGENT.replace("profileDuration=5s", "profileDuration=15s");
        try (ChildJvm service = ChildJvm.on(jdk, dir).jvmArgs(withNativeAccess(jdk, "-Xmx384m", "-XX:+UseG1GC")).agent(agent)
                .start(LeakingSessionService.class, "250", "8192")) {
            JsonNode profile = awaitProfile(service, "MEMORY_LEAK", "async-profiler alloc live");

            assertThat(profile.path("mode").asText()).isEqualTo("alloc live");
            assertThat(profile.path("fallback").isNull()).as(profile::toString).isTrue();
            assertThat(profile.path("fullGcMillis").isIntegralNumber()).as(profile::toString).isTrue();
            // before the collection, the page renderer's garbage filled the top; after it, the sessions lead
            List<JsonNode> stacks = new ArrayList<>();
            profile.path("topStacks").forEach(stacks::add);
            JsonNode sessions = stacks.stream().filter(st -> st.path("frames").path(1).asText()
                    .equals(LeakingSessionService.class.getName() + "$UserSession.<init>")).findFirst()
                    .orElseThrow(() -> new AssertionError("no stack allocating UserSession in " + profile));
            assertThat(sessions.path("frames").path(0).asText()).isEqualTo("byte[]");
            assertThat(stacks).allSatisfy(st -> assertThat(st.path("samples").asLong())
                    .isLessThanOrEqualTo(sessions.path("samples").asLong()));
            assertThat(Files.readString(Path.of(profile.path("flameGraph").asText()))).contains("UserSession");
        }
    }

    @Test
    @ResourceLock(CpuHeavy.LOCK)
    void asyncProfilerLoadedByAnotherAgentIsNeverLoadedTwice() throws Exception {
        Jdk jdk = Jdk.all().get(0);
        Path dir = Paths.workDir("async-profiler-other-agent");
        Path theirs = BundledAsyncProfiler.extract(dir.resolve("other-agent"));
        try (ChildJvm service = ChildJvm.on(jdk, dir)
                .jvmArgs("-Xmx128m", "-agentpath:" + theirs + "=start,event=itimer,file=" + dir.resolve("theirs.html"))
                .agent("reportDir=" + dir + AGENT)
                .start(ReportRenderingService.class, String.valueOf(renderThreads()))) {
            JsonNode profile = awaitCpuProfile(service, p -> p.path("fallback").asText().startsWith("another async-profiler"));

            assertThat(profile.path("source").asText()).isEqualTo("jfr execution samples");
            assertThat(profile.path("fallback").asText()).contains(theirs.toString(), "never loads a second copy");
            assertThat(profile.path("mode").isNull()).isTrue();
            assertThat(profile.path("topStacks")).isEmpty();
            assertThat(profilerLibraries(service.pid())).containsExactly(theirs.toString());
            try (Stream<Path> files = Files.list(dir)) {
                assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.startsWith("precog-profile-"));
            }
        }
    }

    @Test
    @ResourceLock(CpuHeavy.LOCK)
    void withoutNativeAccessJdk24AndLaterLoadNothingAndPrintNothing() throws Exception {
        Jdk jdk = Jdk.all().stream().filter(j -> j.feature() >= 24).findFirst().orElse(null);
        org.junit.jupiter.api.Assumptions.assumeTrue(jdk != null, "no JDK 24+ here");
        Path dir = Paths.workDir("async-profiler-native-access");
        try (ChildJvm service = ChildJvm.on(jdk, dir).jvmArgs("-Xmx128m").agent("reportDir=" + dir + AGENT)
                .start(ReportRenderingService.class, String.valueOf(renderThreads()))) {
            JsonNode profile = awaitCpuProfile(service, p -> p.path("fallback").asText().contains("JEP 472"));

            assertThat(profile.path("source").asText()).isEqualTo("jfr execution samples");
            assertThat(profile.path("fallback").asText()).contains("--enable-native-access=ALL-UNNAMED");
            assertThat(profilerLibraries(service.pid())).isEmpty();
            assertThat(service.stderr()).as(service::describe).doesNotContain("restricted method");
        }
    }

    /** Waits for the one {@code kind} finding's {@code evidence.profile} to come from {@code source}; returns it. */
    private static JsonNode awaitProfile(ChildJvm service, String kind, String source) {
        JsonNode report = Reports.await(service, Reports.file(service.dir(), service.pid()), "a profiled " + kind,
                Duration.ofMinutes(4), r -> assertThat(Reports.findings(r, kind)).singleElement().satisfies(f ->
                        assertThat(profileOf(f).path("source").asText()).as("evidence.profile of %s", f).isEqualTo(source)));
        return profileOf(Reports.findings(report, kind).get(0));
    }

    /** Waits for the CPU finding's {@code evidence.profile} to satisfy {@code done}; returns it. */
    private static JsonNode awaitCpuProfile(ChildJvm service, java.util.function.Predicate<JsonNode> done) {
        Path reportFile = Reports.file(service.dir(), service.pid());
        // generous: the finding needs 30 s of saturation this JVM dominates, then a run, on a shared machine
        JsonNode report = Reports.await(service, reportFile, "a profiled CPU_SATURATION", Duration.ofMinutes(6), r -> {
            assertThat(Reports.violations(r)).isEmpty();
            assertThat(Reports.findings(r, "CPU_SATURATION")).singleElement().satisfies(f -> {
                JsonNode p = profileOf(f);
                assertThat(p.isObject()).as("evidence.profile of %s", f).isTrue();
                assertThat(done.test(p)).as("profile %s", p).isTrue();
            });
        });
        return profileOf(Reports.findings(report, "CPU_SATURATION").get(0));
    }

    /** {@code args}, plus on JDK 24 and later the grant JEP 472 asks for (without it Precog refuses to load a native library). */
    private static String[] withNativeAccess(Jdk jdk, String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        if (jdk.feature() >= 24) {
            all.add("--enable-native-access=ALL-UNNAMED");
        }
        return all.toArray(String[]::new);
    }

    private static JsonNode profileOf(JsonNode finding) {
        return finding.path("evidence").path("profile");
    }

    /** The distinct async-profiler libraries mapped into a process. */
    private static Set<String> profilerLibraries(long pid) throws IOException {
        Set<String> libs = new TreeSet<>();
        for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/maps"))) {
            int slash = line.indexOf('/');
            if (slash >= 0 && line.contains("libasyncProfiler")) {
                libs.add(line.substring(slash).replace(" (deleted)", ""));
            }
        }
        return libs;
    }
}
