package dev.precog.agent.cli;

import java.io.Console;

/** Whether the user watches the command's output on a terminal, as well as Java can tell. */
final class Terminal {

    private Terminal() {}

    /**
     * True when the JVM has an interactive console. Java cannot test stderr itself: up to JDK 21 a
     * console exists only when stdin and stdout are a terminal, and from JDK 22 it exists anyway and
     * {@code Console.isTerminal()} (called reflectively, this code runs on 17) says whether it is one.
     */
    static boolean stderrIsTerminal() {
        Console console = System.console();
        if (console == null) {
            return false;
        }
        try {
            return (Boolean) Console.class.getMethod("isTerminal").invoke(console);
        } catch (ReflectiveOperationException | RuntimeException e) {
            return true; // before JDK 22: a console is a terminal
        }
    }
}
