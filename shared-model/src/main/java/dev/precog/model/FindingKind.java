package dev.precog.model;

/** The kinds of problem Precog reports; names are part of the JSON report contract. */
public enum FindingKind {
    MEMORY_LEAK,
    METASPACE_LEAK,
    NATIVE_MEMORY_GROWTH,
    GC_PRESSURE,
    ALLOCATION_PRESSURE,
    LOCK_CONTENTION,
    THREAD_STARVATION,
    DEADLOCK,
    CPU_SATURATION,
    HOST_MEMORY_PRESSURE,
    IO_BOUND,
    THREAD_LEAK
}
