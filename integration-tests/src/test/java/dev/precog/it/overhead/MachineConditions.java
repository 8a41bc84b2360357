package dev.precog.it.overhead;

import dev.precog.it.workload.ProcFields;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What the machine was like during a run: its size, and how busy it was (the benchmark shares
 * it with other builds; interleaving the variants spreads that load over all of them).
 *
 * @param loadAverageStart the 1-minute load average when the JDK's runs began
 * @param loadAverageEnd the 1-minute load average when they ended
 */
public record MachineConditions(int cores, long memoryBytes, String os, String cpuModel, double loadAverageStart,
        double loadAverageEnd) {

    public static MachineConditions atStart() {
        return new MachineConditions(Runtime.getRuntime().availableProcessors(), ProcFields.bytes("/proc/meminfo", "MemTotal"),
                System.getProperty("os.name") + " " + System.getProperty("os.version"), readCpuModel(), loadAverage(), Double.NaN);
    }

    public MachineConditions atEnd() {
        return new MachineConditions(cores, memoryBytes, os, cpuModel, loadAverageStart, loadAverage());
    }

    /** The 1-minute load average, NaN where /proc has none. */
    static double loadAverage() {
        try {
            return Double.parseDouble(Files.readString(Path.of("/proc/loadavg")).split(" ")[0]);
        } catch (IOException | RuntimeException e) {
            return Double.NaN;
        }
    }

    private static String readCpuModel() {
        try {
            return Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                    .map(l -> l.substring(l.indexOf(':') + 1).trim()).findFirst().orElse("unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }
}
