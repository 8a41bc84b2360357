package dev.precog.it.quality;

import java.util.List;
import java.util.Set;

/**
 * One row of the detection-quality table: a workload, what Precog should report about it
 * (nothing, for a trap), the class it should name first, and findings that are fair to see
 * alongside (a heap nearly full from a leak is also GC pressure).
 *
 * @param expectedKind the finding kind that must appear at WARNING or above, null for a trap
 * @param expectedPattern the finding's pattern (LINEAR, STAIRCASE, ...), null when not judged
 * @param expectedSuspect the className the finding's first suspect must have, null when not judged
 * @param alsoFair kinds that are not false alarms in this scenario
 */
record Scenario(String name, Class<?> workload, List<String> jvmArgs, List<String> args, String expectedKind,
        String expectedPattern, String expectedSuspect, Set<String> alsoFair, int seconds) {

    /** A workload that must produce no finding at WARNING or above. */
    static Scenario trap(String name, Class<?> workload, List<String> jvmArgs, List<String> args, int seconds) {
        return new Scenario(name, workload, jvmArgs, args, null, null, null, Set.of(), seconds);
    }
}
