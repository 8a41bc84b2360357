package dev.precog.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.precog.it.harness.ChildJvm;
import dev.precog.it.harness.Jdk;
import dev.precog.it.harness.Paths;
import dev.precog.it.harness.Reports;
import dev.precog.it.logging.AppLogManager;
import dev.precog.it.workload.OwnLogManagerApp;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * An application that names its own LogManager and makes it loadable only later (WildFly does)
 * still gets it: the agent holds back everything that initialises java.util.logging (OSHI's JNA,
 * the platform MBean server) until that class is loaded.
 */
class LogManagerIT {

    @Test
    void theApplicationKeepsItsOwnLogManager() throws Exception {
        Jdk jdk = Jdk.all().get(0);
        Path dir = Paths.workDir("logmanager");
        Path app = copyClasses(dir.resolve("app"), OwnLogManagerApp.class, ParentWatchClass.get());
        Path modules = copyClasses(dir.resolve("modules"), AppLogManager.class);
        try (ChildJvm child = ChildJvm.on(jdk, dir).onlyClassPath(app)
                .jvmArgs("-Djava.util.logging.manager=" + AppLogManager.class.getName())
                .agent("reportDir=" + dir + ",window=1s,interval=1s,hostMetrics=oshi")
                .start(OwnLogManagerApp.class, modules.toString())) {
            await("the application initialised logging").atMost(Duration.ofSeconds(60))
                    .untilAsserted(() -> assertThat(child.stdout()).as(child::describe).contains("logmanager="));
            assertThat(child.stdout()).contains("logmanager=" + AppLogManager.class.getName());
            assertThat(child.stderr()).doesNotContain("Could not load Logmanager");
            // and the agent caught up afterwards: host metrics (OSHI over JNA, asked for) arrive
            await("host metrics after the LogManager").atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                    assertThat(Reports.read(Reports.file(dir, child.pid()))).get()
                            .satisfies(r -> assertThat(r.path("host").path("memoryTotalBytes").asLong()).isPositive()));
        }
    }

    /** Copies compiled classes (and their nested classes) to a fresh class-path directory. */
    private static Path copyClasses(Path target, Class<?>... classes) throws IOException {
        for (Class<?> c : classes) {
            String path = c.getName().replace('.', '/');
            Path from = Paths.testClasses().resolve(path + ".class");
            Path to = target.resolve(path + ".class");
            Files.createDirectories(to.getParent());
            Files.copy(from, to);
        }
        return target;
    }

    /** ParentWatch is package-private in the workload package; find it by name. */
    private static final class ParentWatchClass {
        static Class<?> get() throws ClassNotFoundException {
            return Class.forName("dev.precog.it.workload.ParentWatch");
        }
    }
}
