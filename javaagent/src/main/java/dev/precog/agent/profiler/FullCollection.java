package dev.precog.agent.profiler;

import com.sun.management.HotSpotDiagnosticMXBean;
import java.lang.management.ManagementFactory;

/**
 * The collection an alloc-live run asks for before it stops. async-profiler counts a sampled object
 * as live until a collection has freed it, so without one a leak's profile is mostly the last
 * seconds' garbage (measured: a session leak's profile had the page renderer's strings on top, the
 * leaking sessions fourth at 13%). One full collection per leak finding, honouring
 * {@code -XX:+DisableExplicitGC}.
 */
interface FullCollection {

    /** What the collection did: its pause, or why it was skipped. */
    record Outcome(Long pauseMillis, String skipped) {}

    Outcome run();

    /** {@code System.gc()}, unless the operator disabled explicit collections. */
    static Outcome systemGc() {
        if (explicitGcDisabled()) {
            return new Outcome(null, "-XX:+DisableExplicitGC: no collection before the run stopped, so objects not yet"
                    + " collected count as live");
        }
        long started = System.nanoTime();
        System.gc();
        return new Outcome(Math.round((System.nanoTime() - started) / 1e6), null);
    }

    private static boolean explicitGcDisabled() {
        try {
            HotSpotDiagnosticMXBean hotspot = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
            return hotspot != null && Boolean.parseBoolean(hotspot.getVMOption("DisableExplicitGC").getValue());
        } catch (RuntimeException e) {
            return false;
        }
    }
}
