package dev.precog.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.precog.it.harness.ChildJvm;
import dev.precog.it.harness.Jdk;
import dev.precog.it.harness.Paths;
import dev.precog.it.workload.ChurningCacheService;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A wrong agent option costs one clear line on stderr; the application starts and runs without the agent. */
class BadOptionsIT {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "colour=blue|unknown option 'colour'; valid options are reportDir, interval, window, hostInterval, debug, threadPools, heapDump, heapDumpBefore, asyncProfiler, profileDuration, overheadBudget, overheadPeriod, hostMetrics, chunkRotation",
        "overheadBudget=0%|bad value '0%' for overheadBudget: a budget of nothing cannot be kept; expected a percentage of one core above 0% and at most 100%, such as 0.5% or 2%: the CPU the agent allows itself before it samples less (default 1%)",
        "interval=soon|bad value 'soon' for interval: expected a duration such as 30s or 5m (default 30s)",
        "window=0s|bad value '0s' for window: expected a duration from 1s to 10m (default 10s)",
        "window=10s,interval=5s|bad value '5s' for interval: it must not be shorter than window (10s)"})
    void badOptionIsNamedAndTheApplicationRunsOn(String options, String message) throws Exception {
        Jdk jdk = Jdk.all().get(0);
        Path dir = Paths.workDir("badopt");
        try (ChildJvm app = ChildJvm.on(jdk, dir).agent(options + ",reportDir=" + dir).start(ChurningCacheService.class, "100")) {
            await("the application runs").atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                    assertThat(app.stdout()).as(app::describe).contains("tick 4"));
            assertThat(app.stderr().lines().toList())
                    .containsExactly("precog: " + message + "; the application runs without Precog");
            try (var files = Files.list(dir)) {
                assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.startsWith("precog-report-"));
            }
        }
    }
}
