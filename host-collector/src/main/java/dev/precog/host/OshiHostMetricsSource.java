package dev.precog.host;

import dev.precog.model.HostSample;
import dev.precog.model.Metric;
import java.lang.reflect.Method;
import java.nio.file.Path;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.function.LongSupplier;
import oshi.SystemInfo;
import oshi.hardware.CentralProcessor;
import oshi.hardware.GlobalMemory;
import oshi.hardware.HardwareAbstractionLayer;
import oshi.hardware.VirtualMemory;
import oshi.software.os.OSProcess;
import oshi.util.GlobalConfig;

/** Host and process metrics through OSHI; the only class that touches {@code oshi.*}. */
public final class OshiHostMetricsSource implements HostMetricsSource {

    // OSHI looks up its oshi*.properties (and JNA its libraries) through the context loader
    // first; pointing it at our own loader keeps an application's copy from being picked up.
    private static final ClassLoader OWN_LOADER = OshiHostMetricsSource.class.getClassLoader();

    static final String JNA_WOULD_WARN = "OSHI not loaded: on Java 24+ its JNA would print a native-access warning"
            + " into the application's stderr; start the JVM with --enable-native-access=ALL-UNNAMED to use OSHI";

    private final CentralProcessor processor;
    private final GlobalMemory memory;
    private final VirtualMemory swap;
    private final OSProcess process;
    private final String description;
    /** OSHI's own cgroup view is partial: the limit and working set come from the cgroup files. */
    private final CgroupMemory cgroup = new CgroupMemory();
    private final SmallFileReader files = new SmallFileReader();
    /** Ticks of the last CPU reading, null before the first; only the sampling thread uses it. */
    private long[] previousTicks;

    private OshiHostMetricsSource(SystemInfo system) {
        HardwareAbstractionLayer hardware = system.getHardware();
        // getProcess reads the process once, so a broken OSHI or JNA fails here, not every tick
        process = system.getOperatingSystem().getProcess(Math.toIntExact(ProcessHandle.current().pid()));
        if (process == null) {
            throw new IllegalStateException("OSHI cannot see this process");
        }
        processor = hardware.getProcessor();
        memory = hardware.getMemory();
        swap = memory.getVirtualMemory();
        String version = oshiVersion();
        description = "oshi" + (version != null ? " " + version : "") + " on " + SystemInfo.getCurrentPlatform();
    }

    /**
     * Returns an OSHI-backed source, or a {@link ProcfsHostMetricsSource} that says why not: when loading
     * JNA would make the JVM warn on the application's stderr, or OSHI or JNA cannot start. Never throws.
     */
    public static HostMetricsSource create() {
        // decided before any OSHI or JNA class is touched: the warning comes from JNA's static initialiser
        if (jnaWouldWarn(Runtime.version().feature(), nativeAccessEnabled())) {
            return new ProcfsHostMetricsSource(JNA_WOULD_WARN);
        }
        Thread thread = Thread.currentThread();
        ClassLoader caller = thread.getContextClassLoader();
        try {
            thread.setContextClassLoader(OWN_LOADER);
            // we read no disks or USB devices: don't map libudev into the application's process
            GlobalConfig.set(GlobalConfig.OSHI_OS_LINUX_ALLOWUDEV, false);
            return new OshiHostMetricsSource(new SystemInfo());
        } catch (Throwable e) {
            // mostly LinkageError: JNA missing, its native stub refused (noexec /tmp), an old glibc
            return new ProcfsHostMetricsSource("OSHI unavailable: " + e);
        } finally {
            thread.setContextClassLoader(caller);
        }
    }

    /**
     * Whether JNA's {@code System.load} would print JEP 472's warning: from Java 24 on, unless native access is
     * enabled for our module. {@code nativeAccessEnabled} is null where the JDK cannot say; before 24 nothing warns.
     */
    static boolean jnaWouldWarn(int javaFeature, Boolean nativeAccessEnabled) {
        return javaFeature >= 24 && !Boolean.TRUE.equals(nativeAccessEnabled);
    }

    /**
     * {@code Module.isNativeAccessEnabled()} of our module, which JNA shares as it is loaded beside us (and all
     * unnamed modules share the setting); reflective since it is JDK 22+ and we compile for 17. Null if missing.
     */
    static Boolean nativeAccessEnabled() {
        try {
            Method method = Module.class.getMethod("isNativeAccessEnabled");
            return (Boolean) method.invoke(OshiHostMetricsSource.class.getModule());
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }

    @Override
    public HostSample sample() {
        Instant at = Instant.now();
        Map<Metric, Double> values = new EnumMap<>(Metric.class);
        Thread thread = Thread.currentThread();
        ClassLoader caller = thread.getContextClassLoader();
        thread.setContextClassLoader(OWN_LOADER);
        try {
            readCpu(values);
            RunQueue.read(Path.of("/proc"), files, values);
            record(values, Metric.HOST_MEMORY_TOTAL, memory::getTotal, 1);
            record(values, Metric.HOST_MEMORY_AVAILABLE, memory::getAvailable, 0);
            record(values, Metric.HOST_SWAP_TOTAL, swap::getSwapTotal, 0);
            record(values, Metric.HOST_SWAP_USED, swap::getSwapUsed, 0);
            readProcess(values);
            cgroup.read(values);
        } finally {
            thread.setContextClassLoader(caller);
        }
        return new HostSample(at, values);
    }

    @Override
    public String description() {
        return description;
    }

    /** Load since the previous call, from tick counters: the blocking getSystemCpuLoad would stall the sampler. */
    private void readCpu(Map<Metric, Double> values) {
        try {
            long[] ticks = processor.getSystemCpuLoadTicks();
            long[] previous = previousTicks;
            if (previous != null && total(ticks) <= total(previous)) {
                return; // no tick elapsed (OSHI caches ticks briefly): keep the older baseline
            }
            previousTicks = ticks;
            if (previous != null) {
                // the two-array form reuses the ticks just read instead of reading them again
                double load = processor.getSystemCpuLoadBetweenTicks(previous, ticks);
                if (load >= 0 && load <= 1) {
                    values.put(Metric.HOST_CPU, load);
                }
                long elapsed = total(ticks) - total(previous);
                putShare(values, Metric.HOST_CPU_IOWAIT, ticks, previous, CentralProcessor.TickType.IOWAIT, elapsed);
                putShare(values, Metric.HOST_CPU_STEAL, ticks, previous, CentralProcessor.TickType.STEAL, elapsed);
            }
        } catch (Throwable e) {
            // absent this tick; the others still count
        }
    }

    private void readProcess(Map<Metric, Double> values) {
        boolean fresh;
        try {
            fresh = process.updateAttributes();
        } catch (Throwable e) {
            fresh = false;
        }
        if (fresh) {
            // OSHI reports 0 or -1 for what it could not read; a live JVM has none of these at 0
            record(values, Metric.PROCESS_RSS, process::getResidentSetSize, 1);
            record(values, Metric.PROCESS_THREADS, process::getThreadCount, 1);
            record(values, Metric.PROCESS_OPEN_FILES, process::getOpenFiles, 1);
        }
    }

    /** Adds one reading unless it fails or falls below {@code floor}, OSHI's way of saying "unknown". */
    private static void record(Map<Metric, Double> values, Metric metric, LongSupplier reading, long floor) {
        try {
            long value = reading.getAsLong();
            if (value >= floor) {
                values.put(metric, (double) value);
            }
        } catch (Throwable e) {
            // one failed reading must not cost the others
        }
    }

    private static void putShare(Map<Metric, Double> values, Metric metric, long[] ticks, long[] previous,
            CentralProcessor.TickType type, long elapsed) {
        long part = ticks[type.getIndex()] - previous[type.getIndex()];
        if (elapsed > 0 && part >= 0 && part <= elapsed) {
            values.put(metric, (double) part / elapsed);
        }
    }

    private static long total(long[] ticks) {
        long total = 0;
        for (long tick : ticks) {
            total += tick;
        }
        return total;
    }

    /** OSHI's version from its jar manifest or, once repackaged into the agent, its Maven properties. */
    private static String oshiVersion() {
        String version = SystemInfo.class.getPackage().getImplementationVersion();
        if (version != null) {
            return version;
        }
        ClassLoader loader = SystemInfo.class.getClassLoader();
        if (loader == null) {
            return null;
        }
        try (java.io.InputStream in = loader.getResourceAsStream("META-INF/maven/com.github.oshi/oshi-core/pom.properties")) {
            if (in == null) {
                return null;
            }
            java.util.Properties p = new java.util.Properties();
            p.load(in);
            return p.getProperty("version");
        } catch (java.io.IOException | RuntimeException e) {
            return null;
        }
    }
}
