package dev.precog.it.quality;

import java.util.List;

/**
 * What happened in one scenario run.
 *
 * @param detectedAfterSeconds seconds from start until the expected kind was first reported at
 *     WARNING or above, null if never (or, for a trap, null as it should be)
 * @param pattern the expected finding's pattern at the end, or null
 * @param suspect the first suspect's className of the expected finding at the end, or null
 * @param falseAlarms findings at WARNING or above of kinds neither expected nor fair
 * @param offlineDetected whether `analyze` of the run's recording reported the expected kind
 */
record ScenarioResult(Scenario scenario, String jdk, Double detectedAfterSeconds, String pattern, String suspect, List<String> falseAlarms,
        Boolean offlineDetected, String note) {

    boolean detected() {
        return detectedAfterSeconds != null;
    }

    Boolean patternRight() {
        if (scenario.expectedPattern() == null || scenario.expectedKind() == null) {
            return null;
        }
        return scenario.expectedPattern().equals(pattern);
    }

    Boolean suspectRight() {
        if (scenario.expectedSuspect() == null || scenario.expectedKind() == null) {
            return null;
        }
        return scenario.expectedSuspect().equals(suspect);
    }
}
