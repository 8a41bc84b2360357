package dev.precog.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.precog.it.harness.ChildJvm;
import dev.precog.it.harness.Jdk;
import dev.precog.it.harness.Paths;
import dev.precog.it.harness.Reports;
import dev.precog.it.workload.OwnLibrariesApp;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * An application with its own, older Jackson and JNA on its class path: it gets its own versions,
 * cannot see the agent's libraries, and the agent's OSHI (over its own JNA; asked for, as Linux reads /proc by
 * default) still reads host metrics.
 */
class ClassLoaderIsolationIT {

    static Stream<Jdk> jdks() {
        return Jdk.all().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("jdks")
    void applicationAndAgentEachUseTheirOwnLibraries(Jdk jdk) throws Exception {
        Path dir = Paths.workDir("isolation-" + jdk.name());
        String jackson = System.getProperty("precog.app.jackson.version", "2.12.7");
        String jna = System.getProperty("precog.app.jna.version", "5.12.1");
        ChildJvm.Builder builder = ChildJvm.on(jdk, dir).agent("reportDir=" + dir + ",window=1s,interval=2s,hostMetrics=oshi");
        for (Path lib : appLibs()) {
            builder.classPath(lib);
        }
        try (ChildJvm app = builder.start(OwnLibrariesApp.class)) {
            Path reportFile = Reports.file(dir, app.pid());
            await("agent reports host metrics").atMost(Duration.ofSeconds(90)).untilAsserted(() ->
                    assertThat(Reports.read(reportFile)).as(app::describe).get().satisfies(r -> {
                        // On Java 24+ the agent reads /proc unless native access is already enabled for unnamed
                        // modules, which the application's own JNA does as a side effect of its warning: a race.
                        assertThat(r.path("host").path("source").asText())
                                .matches(jdk.feature() >= 24 ? "(procfs|oshi) .*" : "oshi .*");
                        assertThat(r.path("host").path("processRssBytes").asLong()).isPositive();
                        assertThat(r.path("host").path("processThreads").asLong()).isPositive();
                    }));
            assertThat(app.stdout()).as(app::describe)
                    .contains("APP-OK jackson=" + jackson + " jna=" + jna + " pid=" + app.pid())
                    .contains("agentClassesVisible=false");
            assertThat(app.stderr()).doesNotContain("SLF4J").doesNotContain("Exception")
                    .as("warnings caused by the agent's own libraries").doesNotContain("precog-agent.jar");
        }
    }

    private static java.util.List<Path> appLibs() throws IOException {
        try (Stream<Path> libs = Files.list(Paths.appLibs())) {
            return libs.filter(p -> p.toString().endsWith(".jar")).sorted().toList();
        }
    }
}
