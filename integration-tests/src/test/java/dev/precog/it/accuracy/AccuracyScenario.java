package dev.precog.it.accuracy;

import java.util.List;

/**
 * One workload whose recording the forecast-accuracy command backtests: a small real service run
 * with the agent and its own JFR recording for {@code seconds}, then replayed in windows of
 * {@code window}.
 *
 * @param shape what the live set does, in words (the leak pattern, or how a healthy heap looks)
 * @param window the agent's window and the backtest's {@code --window}, as the CLI takes it ("5s")
 * @param minJdk the lowest Java release whose recording holds the series the scenario is for (0 for any)
 */
record AccuracyScenario(String name, String shape, Class<?> workload, List<String> jvmArgs, List<String> args, int seconds,
        String window, int minJdk) {

    AccuracyScenario(String name, String shape, Class<?> workload, List<String> jvmArgs, List<String> args, int seconds,
            String window) {
        this(name, shape, workload, jvmArgs, args, seconds, window, 0);
    }
}
