package dev.precog.agent.cli;

/** A command that cannot do what was asked: one line for the user and the exit code. */
final class CliException extends Exception {

    private final int exitCode;

    CliException(int exitCode, String message) {
        super(message);
        this.exitCode = exitCode;
    }

    int exitCode() {
        return exitCode;
    }
}
