package dev.precog.agent.cli;

/** Parses the pid argument of attach and status. */
final class Pids {

    private Pids() {}

    static String parse(String text) throws CliException {
        try {
            long pid = Long.parseLong(text);
            if (pid <= 0) {
                throw new NumberFormatException();
            }
            if (pid == ProcessHandle.current().pid()) {
                throw new CliException(ExitCodes.USAGE, text + " is this command's own pid; give the pid of the JVM to watch");
            }
            return Long.toString(pid);
        } catch (NumberFormatException e) {
            throw new CliException(ExitCodes.USAGE, "'" + text + "' is not a pid; list local JVMs with: java -jar precog-agent.jar list");
        }
    }
}
