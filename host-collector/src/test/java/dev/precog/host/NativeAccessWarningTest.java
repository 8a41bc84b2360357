package dev.precog.host;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.precog.model.HostSample;
import dev.precog.model.Metric;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/** Runs {@link Probe} on a Java 25 JVM, where JEP 472 makes JNA's System.load warn on stderr. */
@EnabledOnOs(OS.LINUX)
class NativeAccessWarningTest {

    private static final Path JAVA_25 = Path.of("/usr/lib/jvm/temurin-25-jdk-amd64/bin/java");

    @TempDir
    Path dir;

    @BeforeAll
    static void needsJava25() {
        assumeTrue(Files.isExecutable(JAVA_25), "no JDK 25 at " + JAVA_25);
    }

    @Test
    void loadingJnaUnguardedWarnsSoTheCheckIsNeeded() throws Exception {
        Run run = run(List.of(), "load-jna");

        assertThat(run.stderr).contains("java.lang.System::load has been called by com.sun.jna.Native");
    }

    @Test
    void withoutNativeAccessProcfsIsUsedAndNothingIsPrinted() throws Exception {
        Run run = run(List.of());

        assertThat(run.stderr).isEmpty();
        assertThat(run.description).isEqualTo("procfs (" + OshiHostMetricsSource.JNA_WOULD_WARN + ")");
        assertThat(run.metrics).contains(Metric.HOST_CPU.name(), Metric.HOST_MEMORY_AVAILABLE.name(),
                Metric.PROCESS_RSS.name(), Metric.PROCESS_OPEN_FILES.name());
    }

    @Test
    void withNativeAccessEnabledOshiIsUsedWithoutWarning() throws Exception {
        Run run = run(List.of("--enable-native-access=ALL-UNNAMED"));

        assertThat(run.stderr).isEmpty();
        assertThat(run.description).startsWith("oshi ");
        // no HOST_CPU to expect: OSHI caches its ticks for longer than the probe's 200 ms
        assertThat(run.metrics).contains(Metric.HOST_MEMORY_AVAILABLE.name(), Metric.PROCESS_RSS.name());
    }

    private record Run(String stderr, String description, String metrics) {
    }

    private Run run(List<String> jvmOptions, String... probeArgs) throws Exception {
        String classPath = Stream.of(OshiHostMetricsSource.class.getName(), Probe.class.getName(),
                        Metric.class.getName(), "oshi.SystemInfo", "com.sun.jna.Native",
                        "com.sun.jna.platform.linux.Udev", "org.slf4j.LoggerFactory", "org.slf4j.nop.NOPServiceProvider")
                .map(NativeAccessWarningTest::pathOf)
                .distinct()
                .collect(Collectors.joining(File.pathSeparator));
        Path out = dir.resolve("probe.out");
        Path err = dir.resolve("probe.err");
        List<String> command = new ArrayList<>(List.of(JAVA_25.toString(), "-cp", classPath));
        command.addAll(jvmOptions);
        command.add(Probe.class.getName());
        command.add(out.toString());
        command.addAll(List.of(probeArgs));
        Process process = new ProcessBuilder(command).redirectOutput(dir.resolve("probe.stdout").toFile())
                .redirectError(err.toFile()).start();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("probe still running after 60 s");
        }
        String stderr = Files.readString(err);
        assertThat(process.exitValue()).as("probe exit, stderr: %s", stderr).isZero();
        List<String> lines = Files.readAllLines(out);
        return new Run(stderr, lines.get(0), lines.get(1));
    }

    private static String pathOf(String className) {
        try {
            return Path.of(OshiHostMetricsSourceTest.locationOf(className).toURI()).toString();
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The child JVM: what {@code create()} picked, and which metrics a second sample holds, into a file. */
    static final class Probe {

        public static void main(String[] args) throws Exception {
            if (args.length > 1) {
                Class.forName("com.sun.jna.Native"); // what OSHI would do first
            }
            HostMetricsSource source = OshiHostMetricsSource.create();
            source.sample();
            Thread.sleep(200);
            HostSample second = source.sample();
            Files.writeString(Path.of(args[0]), source.description() + "\n" + second.values().keySet() + "\n");
        }
    }
}
