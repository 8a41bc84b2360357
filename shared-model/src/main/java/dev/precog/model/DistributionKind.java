package dev.precog.model;

/** Duration distributions a window keeps (as percentiles, never raw events). */
public enum DistributionKind {
    GC_PAUSE("gc.pause"),
    MONITOR_ENTER("lock.monitorEnter"),
    MONITOR_WAIT("lock.monitorWait"),
    THREAD_PARK("lock.park");

    private final String key;

    DistributionKind(String key) {
        this.key = key;
    }

    public String key() {
        return key;
    }
}
