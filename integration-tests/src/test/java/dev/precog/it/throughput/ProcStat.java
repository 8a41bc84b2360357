package dev.precog.it.throughput;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** CPU time of a running process from Linux's /proc/&lt;pid&gt;/stat. */
final class ProcStat {

    /** utime and stime are the 14th and 15th fields; counted here from the field after the command name. */
    private static final int UTIME_AFTER_COMM = 11;

    private ProcStat() {}

    /**
     * User plus system CPU ticks from a stat line. The command name, in parentheses, may hold
     * spaces and parentheses itself, so the fields are counted from the last ')'.
     */
    static long cpuTicks(String statLine) {
        String[] fields = statLine.substring(statLine.lastIndexOf(')') + 2).trim().split(" ");
        return Long.parseLong(fields[UTIME_AFTER_COMM]) + Long.parseLong(fields[UTIME_AFTER_COMM + 1]);
    }

    /** The process's CPU ticks so far, or -1 once it is gone (or not on Linux). */
    static long cpuTicks(long pid) {
        try {
            return cpuTicks(Files.readString(Path.of("/proc/" + pid + "/stat")));
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /** Clock ticks per second (getconf CLK_TCK), 100 where it cannot be asked: Linux's value on every common platform. */
    static long ticksPerSecond() {
        try {
            Process p = new ProcessBuilder("getconf", "CLK_TCK").redirectErrorStream(true).start();
            String text = new String(p.getInputStream().readAllBytes()).trim();
            return p.waitFor() == 0 ? Long.parseLong(text) : 100;
        } catch (IOException | NumberFormatException e) {
            return 100;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 100;
        }
    }
}
