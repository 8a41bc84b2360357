package dev.precog.model;

/**
 * The latest host and process readings. {@code source} says where they came from ("procfs (...)", "oshi ...",
 * "jfr" offline, or "unavailable: reason"); readings that could not be taken are null.
 */
public record HostInfo(
        String source,
        Double cpuLoad,
        Long memoryTotalBytes,
        Long memoryAvailableBytes,
        Long swapTotalBytes,
        Long swapUsedBytes,
        Long processRssBytes,
        Long processThreads,
        Long processOpenFiles) {}
