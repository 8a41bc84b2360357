package dev.precog.it.overhead;

/**
 * One start-up probe: a JVM whose main prints a line and returns, timed from the parent.
 *
 * @param index the probe's place among its variant's probes of the round (1-based), to pair it with the other variants'
 * @param toMainMillis from starting the process to reading the line main printed first
 * @param toExitMillis from starting the process to its exit (shutdown hooks, a JFR dump, the agent's last report)
 */
record StartupRun(String variant, int round, int index, double toMainMillis, double toExitMillis, String note) {}
