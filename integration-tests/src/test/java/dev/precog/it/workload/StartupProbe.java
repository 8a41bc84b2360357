package dev.precog.it.workload;

/**
 * Overhead-benchmark probe of start-up time: prints one line as main begins and returns. The
 * parent times the line's arrival and the process's exit from the moment it started the JVM.
 */
public final class StartupProbe {

    public static final String LINE = "main-entered";

    private StartupProbe() {}

    public static void main(String[] args) {
        System.out.println(LINE);
        System.out.flush();
    }
}
