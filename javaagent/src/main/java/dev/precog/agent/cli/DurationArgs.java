package dev.precog.agent.cli;

import dev.precog.agent.AgentOptions;
import dev.precog.agent.OptionsException;
import java.time.Duration;

/** Durations on the command line use the agent's syntax (30s, 5m, 500ms). */
final class DurationArgs {

    private DurationArgs() {}

    static Duration parse(String name, String text) throws CliException {
        try {
            return AgentOptions.parse("window=" + text).window();
        } catch (OptionsException e) {
            throw new CliException(ExitCodes.USAGE, "bad value '" + text + "' for " + name + ": expected a duration from 1s to 10m");
        }
    }
}
