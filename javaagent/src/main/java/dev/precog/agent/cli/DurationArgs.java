package dev.precog.agent.cli;

import dev.precog.agent.AgentOptions;
import dev.precog.agent.OptionsException;
import java.time.Duration;

/** Durations on the command line use the agent's syntax (30s, 5m, 500ms). */
final class DurationArgs {

    private DurationArgs() {}

    static Duration parse(String name, String text) throws CliException {
        try {
            Duration d = AgentOptions.parseDuration(name, text, "a duration such as 10s or 1m");
            if (d.toMillis() < 1000) {
                throw new OptionsException("bad value '" + text + "' for " + name + ": expected at least 1s");
            }
            return d;
        } catch (OptionsException e) {
            throw new CliException(ExitCodes.USAGE, e.getMessage());
        }
    }
}
