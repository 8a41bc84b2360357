package dev.precog.agent.profiler;

import dev.precog.model.FindingKind;

/**
 * How async-profiler is run for a kind of finding, and which JFR evidence the finding carries
 * without it. Intervals are deliberately coarse: the run profiles someone else's production JVM.
 */
enum ProfileMode {
    /** perf_events CPU time; 20 ms gives about 500 samples per busy core in 10 s. */
    CPU("cpu", "event=cpu,interval=20ms", "jfr execution samples"),
    /** setitimer CPU time, for where perf_events are not allowed. */
    ITIMER("itimer", "event=itimer,interval=20ms", "jfr execution samples"),
    /** Contended monitors and j.u.c locks waited on for 1 ms or more. */
    LOCK("lock", "event=lock,lock=1ms", "jfr lock events"),
    /** One allocation sample per MB allocated. */
    ALLOC("alloc", "event=alloc,alloc=1m", "jfr allocation samples"),
    /** Allocation samples whose objects a full collection at the run's end kept: where a leak allocates. */
    LIVE_ALLOC("alloc live", "event=alloc,alloc=1m,live", "class histograms and jfr heap summaries");

    private final String label;
    private final String startArguments;
    private final String jfrSource;

    ProfileMode(String label, String startArguments, String jfrSource) {
        this.label = label;
        this.startArguments = startArguments;
        this.jfrSource = jfrSource;
    }

    /** The mode a finding of this kind is profiled in, or null when async-profiler has nothing to add to it. */
    static ProfileMode forKind(FindingKind kind) {
        return switch (kind) {
            case CPU_SATURATION -> CPU;
            case LOCK_CONTENTION -> LOCK;
            case ALLOCATION_PRESSURE -> ALLOC;
            case MEMORY_LEAK -> LIVE_ALLOC;
            default -> null;
        };
    }

    /** The mode's name in the report ("cpu", "itimer", "lock", "alloc", "alloc live"). */
    String label() {
        return label;
    }

    /** The arguments of async-profiler's start command for this mode. */
    String startArguments() {
        return startArguments;
    }

    /** Where the finding's evidence comes from when async-profiler does not run. */
    String jfrSource() {
        return jfrSource;
    }
}
