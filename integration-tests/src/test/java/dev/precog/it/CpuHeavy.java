package dev.precog.it;

/**
 * The resource lock of integration tests whose child JVMs keep the CPU busy (a burn, an allocation
 * loop, contended critical sections that compute, GC thrashing): they run one at a time, so that each
 * JVM's share of the machine, which CPU_SATURATION judges, is its own and not a race between two burners.
 * A test whose verdict needs the machine's attention on time (LeakPatternsIT's periodic leak, whose
 * cycle shows only while old collections keep up) takes the lock too, so no burner runs beside it.
 */
final class CpuHeavy {

    static final String LOCK = "cpu-heavy";

    private CpuHeavy() {}
}
