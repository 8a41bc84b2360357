package dev.precog.host;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import dev.precog.model.HostSample;
import dev.precog.model.Metric;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

class OshiHostMetricsSourceTest {

    private static final double MIB = 1024 * 1024;

    @Test
    void jnaWarnsFromJava24UnlessNativeAccessIsEnabled() {
        assertThat(OshiHostMetricsSource.jnaWouldWarn(17, null)).isFalse();
        assertThat(OshiHostMetricsSource.jnaWouldWarn(21, null)).isFalse();
        assertThat(OshiHostMetricsSource.jnaWouldWarn(23, false)).isFalse(); // 22 and 23 warn for FFM only
        assertThat(OshiHostMetricsSource.jnaWouldWarn(23, true)).isFalse();
        assertThat(OshiHostMetricsSource.jnaWouldWarn(24, false)).isTrue();
        assertThat(OshiHostMetricsSource.jnaWouldWarn(24, null)).isTrue();
        assertThat(OshiHostMetricsSource.jnaWouldWarn(24, true)).isFalse();
        assertThat(OshiHostMetricsSource.jnaWouldWarn(25, false)).isTrue();
        assertThat(OshiHostMetricsSource.jnaWouldWarn(25, true)).isFalse();
    }

    @Test
    void thisJvmsNativeAccessIsKnownFromJava22() {
        Boolean enabled = OshiHostMetricsSource.nativeAccessEnabled();
        if (Runtime.version().feature() >= 22) {
            assertThat(enabled).isNotNull();
        } else {
            assertThat(enabled).isNull();
        }
    }

    @Test
    @EnabledOnOs(OS.LINUX)
    void twoSamplesOnThisMachineArePlausible() throws Exception {
        assumeOshiIsUsed();
        HostMetricsSource source = OshiHostMetricsSource.create();
        assertThat(source).isInstanceOf(OshiHostMetricsSource.class);
        assertThat(source.description()).isEqualTo("oshi 6.9.1 on LINUX");

        HostSample first = source.sample();
        Thread.sleep(1_000); // the sampler's real period: CPU load needs ticks to elapse in between
        HostSample second = source.sample();

        assertThat(first.values()).doesNotContainKey(Metric.HOST_CPU);
        assertThat(second.at()).isAfter(first.at());
        Map<Metric, Double> values = second.values();
        assertThat(values.get(Metric.HOST_CPU)).isBetween(0.0, 1.0);
        double total = values.get(Metric.HOST_MEMORY_TOTAL);
        double procTotal = ProcfsParser.parseMeminfo(Files.readString(Path.of("/proc/meminfo"), StandardCharsets.ISO_8859_1))
                .get(Metric.HOST_MEMORY_TOTAL);
        assertThat(total).isPositive().isCloseTo(procTotal, within(procTotal * 0.01));
        assertThat(values.get(Metric.HOST_MEMORY_AVAILABLE)).isBetween(0.0, total);
        assertThat(values.get(Metric.HOST_SWAP_USED)).isBetween(0.0, values.get(Metric.HOST_SWAP_TOTAL));
        assertThat(values.get(Metric.PROCESS_RSS)).isGreaterThan(10 * MIB).isLessThan(total);
        assertThat(values.get(Metric.PROCESS_THREADS)).isGreaterThanOrEqualTo(1);
        assertThat(values.get(Metric.PROCESS_OPEN_FILES)).isPositive();
    }

    @Test
    void withoutJnaFallsBackAndSaysWhy() throws Exception {
        assumeOshiIsUsed();
        try (URLClassLoader isolated = isolatedLoader("org.slf4j.nop.NOPServiceProvider", "oshi.SystemInfo")) {
            Object source = create(isolated);

            assertThat(source.getClass().getSimpleName()).isEqualTo("ProcfsHostMetricsSource");
            assertThat(call(source, "description")).asString()
                    .startsWith("procfs (OSHI unavailable: java.lang.NoClassDefFoundError: com/sun/jna/");
            assertSampleHasRssIfLinux(source);
        }
    }

    @Test
    void withoutOshiFallsBackInsteadOfFailingToLink() throws Exception {
        assumeOshiIsUsed();
        try (URLClassLoader isolated = isolatedLoader()) {
            Object source = create(isolated);

            assertThat(call(source, "description")).asString()
                    .startsWith("procfs (OSHI unavailable: java.lang.NoClassDefFoundError: oshi/");
            assertSampleHasRssIfLinux(source);
        }
    }

    @Test
    @EnabledOnOs(OS.LINUX)
    void isolatedCopyWorksBesideTheApplicationsJna() throws Exception {
        assumeOshiIsUsed();
        // the test's class path plays the application: its JNA has its native stub loaded already
        Class.forName("com.sun.jna.Native", true, OshiHostMetricsSourceTest.class.getClassLoader());
        try (URLClassLoader isolated = isolatedLoader("org.slf4j.nop.NOPServiceProvider", "oshi.SystemInfo",
                "com.sun.jna.Native", "com.sun.jna.platform.linux.Udev")) {
            Object source = create(isolated);

            assertThat(call(source, "description")).asString().startsWith("oshi ");
            assertSampleHasRssIfLinux(source);
        }
    }

    /** On Java 24+ without native access this JVM gets the procfs source: {@link NativeAccessWarningTest} covers that. */
    private static void assumeOshiIsUsed() {
        assumeFalse(OshiHostMetricsSource.jnaWouldWarn(Runtime.version().feature(),
                OshiHostMetricsSource.nativeAccessEnabled()), "JNA would warn, so OSHI is not loaded");
    }

    /** This module and shared-model, plus the jars holding {@code classes}, over the JDK alone, as in the agent. */
    private static URLClassLoader isolatedLoader(String... classes) throws Exception {
        Stream<String> always = Stream.of(OshiHostMetricsSource.class.getName(), Metric.class.getName(),
                "org.slf4j.LoggerFactory");
        URL[] urls = Stream.concat(always, Stream.of(classes))
                .map(OshiHostMetricsSourceTest::locationOf)
                .toArray(URL[]::new);
        return new URLClassLoader(urls, ClassLoader.getPlatformClassLoader());
    }

    static URL locationOf(String className) {
        try {
            ClassLoader loader = OshiHostMetricsSourceTest.class.getClassLoader();
            return Class.forName(className, false, loader).getProtectionDomain().getCodeSource().getLocation();
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Object create(ClassLoader isolated) throws Exception {
        return isolated.loadClass(OshiHostMetricsSource.class.getName()).getMethod("create").invoke(null);
    }

    private static Object call(Object target, String method) throws Exception {
        Method m = target.getClass().getMethod(method);
        return m.invoke(target);
    }

    /** The isolated copy has its own Metric class, so keys are compared by name. */
    private static void assertSampleHasRssIfLinux(Object source) throws Exception {
        Object sample = call(source, "sample");
        Map<?, ?> values = (Map<?, ?>) call(sample, "values");
        if (OS.current() == OS.LINUX) {
            assertThat(values.keySet()).map(Object::toString).contains("PROCESS_RSS", "PROCESS_THREADS");
        }
    }
}
