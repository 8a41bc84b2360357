package dev.precog.model;

/** Identity of the analysed JVM. Fields unknown offline are null. */
public record JvmInfo(Long pid, String mainClass, String javaVersion, Long heapMaxBytes, String gc) {}
