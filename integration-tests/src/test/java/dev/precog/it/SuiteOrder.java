package dev.precog.it;

/**
 * Which integration-test classes start first ({@code @Order}; the rest follow). The CPU-heavy
 * ones run one at a time ({@link CpuHeavy}), so their chain is the suite's critical path: started
 * first it runs beside the others, started last it runs alone. Then the longest classes, so that
 * the short ones fill the gaps at the end.
 */
final class SuiteOrder {

    static final int CPU_HEAVY = 1;
    static final int LONG = 2;

    private SuiteOrder() {}
}
