package dev.precog.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.precog.it.harness.ChildJvm;
import dev.precog.it.harness.Cli;
import dev.precog.it.harness.Jdk;
import dev.precog.it.harness.Paths;
import dev.precog.it.harness.Reports;
import dev.precog.it.workload.ChurningCacheService;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Dynamic attach: list finds the JVM, attach starts the same runtime, a second attach is refused politely. */
class AttachIT {

    static Stream<Jdk> jdks() {
        return Jdk.all().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("jdks")
    void attachStartsPrecogOnceInARunningJvm(Jdk jdk) throws Exception {
        Path dir = Paths.workDir("attach-" + jdk.name());
        try (ChildJvm service = ChildJvm.on(jdk, dir).jvmArgs("-Xmx128m").start(ChurningCacheService.class, "100")) {
            await().atMost(Duration.ofSeconds(60)).until(() -> service.stdout().contains("ready"));
            String pid = Long.toString(service.pid());

            Cli.Result list = Cli.run(jdk, dir, "list");
            assertThat(list.exitCode()).as(list.stderr()).isZero();
            assertThat(list.stdout()).contains(pid + " ").contains(ChurningCacheService.class.getName());

            Cli.Result notYet = Cli.run(jdk, dir, "status", pid);
            assertThat(notYet.exitCode()).isEqualTo(3);
            assertThat(notYet.stderr().strip()).startsWith("precog: Precog is not running in JVM " + pid).doesNotContain("\tat ");

            Path reports = dir.resolve("reports");
            Cli.Result attach = Cli.run(jdk, dir, "attach", pid, "reportDir=reports,window=1s,interval=2s,"
                    + ChildJvm.WHOLE_CORE_BUDGET);
            assertThat(attach.exitCode()).as(attach.stdout() + attach.stderr()).isZero();
            assertThat(attach.stdout()).contains("Precog attached to JVM " + pid, reports.resolve("precog-report-" + pid + ".json").toString());

            await("report written after attach").atMost(Duration.ofSeconds(90)).untilAsserted(() ->
                    assertThat(Reports.read(Reports.file(reports, service.pid()))).get()
                            .satisfies(r -> assertThat(r.path("agent").path("mode").asText()).isEqualTo("attach"))
                            .satisfies(r -> assertThat(r.path("analysis").path("windows").asLong()).isGreaterThanOrEqualTo(2)));

            Cli.Result again = Cli.run(jdk, dir, "attach", pid);
            assertThat(again.exitCode()).isEqualTo(3);
            assertThat(again.stderr().strip()).startsWith("precog: Precog is already attached to JVM " + pid)
                    .doesNotContain("Exception");

            await("status answers").atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
                Cli.Result status = Cli.run(jdk, dir, "status", pid);
                assertThat(status.exitCode()).as(status.stderr()).isZero();
                assertThat(status.stdout()).contains("(attach)", "Findings:");
            });

            int ticks = ticks(service);
            await("the application keeps running").atMost(Duration.ofSeconds(30)).until(() -> ticks(service) > ticks + 3);
            assertThat(service.stderr()).doesNotContain("Exception");
        }
    }

    private static int ticks(ChildJvm service) {
        return (int) service.stdout().lines().filter(l -> l.startsWith("tick ")).count();
    }
}
