package dev.precog.model;

/** Whether to take a heap dump now, why, and the exact command. */
public record HeapDumpSuggestion(boolean recommended, String reason, String command) {}
