package dev.precog.agent.cli;

/** Exit codes of the command line, documented in the README. */
final class ExitCodes {

    static final int OK = 0;
    /** The command failed: bad file, process gone, attach refused by the JVM. */
    static final int FAILED = 1;
    /** The command line itself is wrong. */
    static final int USAGE = 2;
    /** Precog is already attached (attach), or not running there (status). */
    static final int WRONG_STATE = 3;

    private ExitCodes() {}
}
