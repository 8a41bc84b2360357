package dev.precog.model;

import java.time.Instant;
import java.util.List;

/**
 * The CPU budget the agent holds itself to and where it stands: level 0 samples as configured;
 * each level above lowers one more kind of sampling, and {@code actions} says what, in words.
 *
 * @param budgetFractionOfOneCore the budget, as a share of one core
 * @param measuredFractionOfOneCore the agent's CPU (its threads and JFR's) over the period last judged; null before the first
 * @param measuredOverSeconds the length of that period
 * @param level the current level, 0 to {@code maxLevel}
 * @param maxLevel the last level of the ladder
 * @param actions what is lowered at the current level, one line each; empty at level 0
 * @param reason why the agent is at this level
 * @param since when the agent moved to this level; null if it never moved
 */
public record OverheadBudget(
        double budgetFractionOfOneCore,
        Double measuredFractionOfOneCore,
        Double measuredOverSeconds,
        int level,
        int maxLevel,
        List<String> actions,
        String reason,
        Instant since) {

    public OverheadBudget {
        actions = List.copyOf(actions);
    }
}
