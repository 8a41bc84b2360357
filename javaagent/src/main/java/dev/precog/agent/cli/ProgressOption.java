package dev.precog.agent.cli;

import dev.precog.analyzer.jfr.ReplayProgress;
import java.util.List;

/**
 * The {@code --progress} and {@code --quiet} flags of a command that replays a recording: progress
 * goes to stderr when it is a terminal, or when asked for; never when quiet.
 */
record ProgressOption(boolean wanted, boolean quiet) {

    /** Removes both flags from {@code args} and says which were there. */
    static ProgressOption take(List<String> args) {
        return new ProgressOption(AnalyzeCommand.flag(args, "--progress"), AnalyzeCommand.flag(args, "--quiet"));
    }

    /** Both at once make no sense: a usage error. */
    boolean conflicting() {
        return wanted && quiet;
    }

    /** Where the replay reports its progress: {@code line}, or nowhere. */
    ReplayProgress to(ProgressLine line, boolean stderrIsTerminal) {
        return !quiet && (wanted || stderrIsTerminal) ? line : ReplayProgress.NONE;
    }
}
