package dev.precog.model;

import java.time.Instant;

/**
 * Whether to take a heap dump now, why, the exact command, and what taking it costs: the file's
 * size, the pause, the disk it goes to, the time left before the heap runs out. Sizes and the
 * pause are estimates. Unknown values are null.
 *
 * @param recommended true for a confident heap leak (a MEMORY_LEAK at WARNING or above)
 * @param command {@code jcmd <pid> GC.heap_dump <file>}
 * @param dumpPath absolute path the dump is suggested to go to
 * @param liveSetBytes the heap after the latest collection, which the estimate starts from
 * @param estimatedDumpBytes expected size of the dump file (live objects only, as GC.heap_dump writes)
 * @param estimatedPauseSeconds expected time the JVM stops: a full collection plus writing the file
 * @param freeDiskBytes usable space on the file store of {@code dumpPath}; null when unknown (offline)
 * @param diskHasRoom whether that space holds the dump with room to spare; null when unknown
 * @param secondsToOutOfMemory when the heap forecast reaches the max heap; null when not within its horizon
 * @param secondsToOutOfMemoryLow the forecast's pessimistic bound on that time; null when none
 * @param recommendDumpBy the latest sensible moment to start the dump; null unless recommended with a forecast
 * @param mbeanOperation the JMX operation that takes the same dump
 * @param onOutOfMemoryFlags flags that keep a dump if the heap runs out; null when the JVM already has them
 * @param autoDump what {@code heapDump=auto} did; null when that option is off or offline
 */
public record HeapDumpSuggestion(
        boolean recommended,
        String reason,
        String command,
        String dumpPath,
        Long liveSetBytes,
        Long estimatedDumpBytes,
        Double estimatedPauseSeconds,
        Long freeDiskBytes,
        Boolean diskHasRoom,
        Double secondsToOutOfMemory,
        Double secondsToOutOfMemoryLow,
        Instant recommendDumpBy,
        String mbeanOperation,
        String onOutOfMemoryFlags,
        AutoDump autoDump) {

    /** The same suggestion with another JMX operation to take the dump. */
    public HeapDumpSuggestion withMbeanOperation(String operation) {
        return new HeapDumpSuggestion(recommended, reason, command, dumpPath, liveSetBytes, estimatedDumpBytes,
                estimatedPauseSeconds, freeDiskBytes, diskHasRoom, secondsToOutOfMemory, secondsToOutOfMemoryLow,
                recommendDumpBy, operation, onOutOfMemoryFlags, autoDump);
    }

    /** The same suggestion with what the automatic dump did. */
    public HeapDumpSuggestion withAutoDump(AutoDump auto) {
        return new HeapDumpSuggestion(recommended, reason, command, dumpPath, liveSetBytes, estimatedDumpBytes,
                estimatedPauseSeconds, freeDiskBytes, diskHasRoom, secondsToOutOfMemory, secondsToOutOfMemoryLow,
                recommendDumpBy, mbeanOperation, onOutOfMemoryFlags, auto);
    }

    /**
     * What the opt-in automatic heap dump ({@code heapDump=auto}) did in this JVM run.
     *
     * @param status {@link #ARMED}, {@link #TAKEN}, {@link #REFUSED} or {@link #FAILED}
     * @param at when it was taken, refused or failed; null while armed
     * @param path the dump file (taken), or where it would have gone; null while armed
     * @param bytes size of the file written; null unless taken
     * @param durationSeconds how long the dump took (the pause and the write); null unless taken or failed
     * @param ownerOnly whether only the file's owner can read it; null unless taken
     * @param heapDumpBeforeSeconds the option {@code heapDumpBefore}: dump once the heap is forecast
     *     to run out within this time
     * @param reason what happened and why, in words
     */
    public record AutoDump(
            String status,
            Instant at,
            String path,
            Long bytes,
            Double durationSeconds,
            Boolean ownerOnly,
            double heapDumpBeforeSeconds,
            String reason) {

        /** Waiting for a confident leak whose heap runs out within {@code heapDumpBefore}. */
        public static final String ARMED = "armed";
        /** The one dump of this run was written. */
        public static final String TAKEN = "taken";
        /** Not taken because the disk lacks room; checked again at each analysis. */
        public static final String REFUSED = "refused";
        /** The dump was attempted and did not complete; not tried again in this run. */
        public static final String FAILED = "failed";
    }
}
