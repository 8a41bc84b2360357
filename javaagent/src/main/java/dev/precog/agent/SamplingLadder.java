package dev.precog.agent;

import dev.precog.analyzer.jfr.JfrSettingValues;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The ways the agent makes itself cheaper, the least loss of insight first. Level 0 samples as
 * configured; each level adds one step, and leaving a level undoes exactly its step:
 * <ol>
 * <li>the high-rate sampled JFR events (execution and allocation samples, with stacks) are
 *     lowered {@value #FACTOR}-fold;</li>
 * <li>lock, park and I/O events need a {@value #FACTOR}-fold longer wait to be recorded;</li>
 * <li>evidence escalation (class histograms, thread and class-loader censuses, lock-holder
 *     samples) is paused; what was taken is kept;</li>
 * <li>host metrics and JFR's periodic statistics are sampled up to {@value #FACTOR}-fold less
 *     often, but at least once per window.</li>
 * </ol>
 * Called from the agent's scheduler thread only.
 */
final class SamplingLadder {

    static final int FACTOR = 5;
    /** The number of steps, so the last level. */
    static final int LEVELS = 4;
    static final Set<String> SAMPLED_EVENTS = Set.of("jdk.ExecutionSample", "jdk.ObjectAllocationSample");

    /** What the ladder turns; implemented by the running agent. */
    interface Knobs {
        void jfrSettings(String eventName, Map<String, String> settings);

        void hostInterval(Duration interval);

        void evidencePaused(boolean paused);
    }

    /** One level's change: what it does, in words, and how to do and undo it. */
    private record Step(String action, Runnable lower, Runnable restore) {}

    private final List<Step> steps = new ArrayList<>();
    private int level;

    /**
     * @param jfrSettings the settings each enabled JFR event started with, by event name (empty without JFR)
     * @param hostInterval the configured host sampling interval
     * @param window the window length: nothing is sampled less than once per window
     */
    SamplingLadder(Map<String, Map<String, String>> jfrSettings, Duration hostInterval, Duration window, Knobs knobs) {
        steps.add(jfrStep("JFR sampling lowered " + FACTOR + "-fold",
                select(jfrSettings, SAMPLED_EVENTS::contains), FACTOR, knobs));
        steps.add(jfrStep("JFR waits recorded only when " + FACTOR + " times longer (shorter ones are no longer seen)",
                select(jfrSettings, name -> !SAMPLED_EVENTS.contains(name) && nonZero(jfrSettings.get(name).get("threshold"))),
                FACTOR, knobs));
        steps.add(new Step("evidence escalation paused: no new class histograms, thread or class-loader censuses,"
                + " or lock-holder samples (evidence already taken is kept)",
                () -> knobs.evidencePaused(true), () -> knobs.evidencePaused(false)));
        // periodic statistics come every second: slower, but still at least once per window
        int periodFactor = (int) Math.max(1, Math.min(FACTOR, window.toSeconds()));
        Duration fiveFold = hostInterval.multipliedBy(FACTOR);
        Duration slowerHost = fiveFold.compareTo(window) <= 0 ? fiveFold : window.compareTo(hostInterval) > 0 ? window : hostInterval;
        Map<String, Map<String, String>> statistics = select(jfrSettings,
                name -> !SAMPLED_EVENTS.contains(name) && jfrSettings.get(name).containsKey("period"));
        Step periods = periodFactor == 1
                ? new Step("JFR statistics unchanged (already sampled once per window)", () -> { }, () -> { })
                : jfrStep("JFR statistics sampled " + periodFactor + "-fold less often", statistics, periodFactor, knobs);
        String host = slowerHost.equals(hostInterval) ? "host metrics unchanged (already sampled once per window)"
                : "host metrics sampled every " + AgentOptions.format(slowerHost) + " instead of " + AgentOptions.format(hostInterval);
        steps.add(new Step(host + "; " + periods.action(),
                () -> {
                    knobs.hostInterval(slowerHost);
                    periods.lower().run();
                },
                () -> {
                    knobs.hostInterval(hostInterval);
                    periods.restore().run();
                }));
        assert steps.size() == LEVELS;
    }

    /** Lowers the events' settings by {@code factor}; the action names each change. */
    private static Step jfrStep(String what, Map<String, Map<String, String>> events, int factor, Knobs knobs) {
        List<String> changes = new ArrayList<>();
        Map<String, Map<String, String>> lowered = new LinkedHashMap<>();
        events.forEach((name, initial) -> {
            Map<String, String> low = JfrSettingValues.lowered(initial, factor);
            lowered.put(name, low);
            low.forEach((key, value) -> {
                if (!value.equals(initial.get(key))) {
                    changes.add(name + " " + key + " " + value + " (was " + initial.get(key) + ")");
                }
            });
        });
        String action = what + ": " + (changes.isEmpty() ? "nothing to lower on this JVM" : String.join(", ", changes));
        return new Step(action, () -> lowered.forEach(knobs::jfrSettings), () -> events.forEach(knobs::jfrSettings));
    }

    private static Map<String, Map<String, String>> select(Map<String, Map<String, String>> settings, Predicate<String> which) {
        Map<String, Map<String, String>> out = new LinkedHashMap<>();
        settings.forEach((name, s) -> {
            if (which.test(name)) {
                out.put(name, s);
            }
        });
        return out;
    }

    private static boolean nonZero(String threshold) {
        return threshold != null && !threshold.trim().startsWith("0");
    }

    int maxLevel() {
        return steps.size();
    }

    int level() {
        return level;
    }

    /** Moves one step at a time to {@code target}, lowering or restoring as it goes. */
    void moveTo(int target) {
        int to = Math.max(0, Math.min(target, steps.size()));
        while (level < to) {
            steps.get(level).lower().run();
            level++;
        }
        while (level > to) {
            level--;
            steps.get(level).restore().run();
        }
    }

    /** What the current level lowers, one line per step, first step first. */
    List<String> actions() {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < level; i++) {
            out.add("level " + (i + 1) + ": " + steps.get(i).action());
        }
        return out;
    }
}
