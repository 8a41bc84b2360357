package dev.precog.model;

/** A class and the allocation weight JFR's allocation samples attributed to it in a window. */
public record ClassWeight(String className, long bytes, long samples) {}
