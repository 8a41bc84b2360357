package dev.precog.it;

/**
 * The resource lock of integration tests whose child JVMs keep the CPU busy (a burn, an allocation
 * loop, contended critical sections that compute, GC thrashing): they run one at a time, so that each
 * JVM's share of the machine, which CPU_SATURATION judges, is its own and not a race between two burners.
 */
final class CpuHeavy {

    static final String LOCK = "cpu-heavy";

    private CpuHeavy() {}
}
