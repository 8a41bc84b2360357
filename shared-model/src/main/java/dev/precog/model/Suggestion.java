package dev.precog.model;

/** One thing an operator can do about a finding, with the exact command where there is one. */
public record Suggestion(String action, String command, String rationale) {}
