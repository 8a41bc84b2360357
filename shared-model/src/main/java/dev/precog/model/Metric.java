package dev.precog.model;

/**
 * The scalar signals a window holds. The key is the stable name used in reports and
 * forecasts; the aggregation says how the samples of one window fold into one value.
 */
public enum Metric {
    /** Floor of heap used after any collection in the window: the live-set signal. */
    HEAP_USED_AFTER_GC("heap.usedAfterGc", Unit.BYTES, Aggregation.MIN),
    /** Heap used after an old, mixed or full collection, when one happened in the window. */
    HEAP_USED_AFTER_OLD_GC("heap.usedAfterOldGc", Unit.BYTES, Aggregation.MIN),
    HEAP_USED_BEFORE_GC("heap.usedBeforeGc", Unit.BYTES, Aggregation.MAX),
    HEAP_COMMITTED("heap.committed", Unit.BYTES, Aggregation.LAST),
    /**
     * How far G1's old generation may still grow before the collector starts marking it: the
     * initiating-heap-occupancy threshold less the old generation's occupancy (jdk.G1BasicIHOP, at
     * each young collection). Garbage promoted by young collections piles up that far in a healthy heap.
     */
    GC_MARKING_HEADROOM("gc.markingHeadroom", Unit.BYTES, Aggregation.LAST),
    HEAP_MAX("heap.max", Unit.BYTES, Aggregation.LAST),
    GC_COUNT("gc.count", Unit.COUNT, Aggregation.SUM),
    OLD_GC_COUNT("gc.oldCount", Unit.COUNT, Aggregation.SUM),
    /**
     * The old collections that were full, stop-the-world compactions (G1's full collection, Serial's and
     * Parallel's old): they leave only live objects, where G1's mixed phase leaves some garbage behind.
     */
    FULL_GC_COUNT("gc.fullCount", Unit.COUNT, Aggregation.SUM),
    GC_PAUSE_TOTAL("gc.pauseTotal", Unit.MILLISECONDS, Aggregation.SUM),
    ALLOCATION_SAMPLED("allocation.sampledBytes", Unit.BYTES, Aggregation.SUM),
    METASPACE_USED("metaspace.used", Unit.BYTES, Aggregation.LAST),
    METASPACE_COMMITTED("metaspace.committed", Unit.BYTES, Aggregation.LAST),
    CLASSES_LOADED("classes.loaded", Unit.COUNT, Aggregation.LAST),
    CLASSES_UNLOADED("classes.unloaded", Unit.COUNT, Aggregation.LAST),
    THREADS_ACTIVE("threads.active", Unit.COUNT, Aggregation.MAX),
    THREADS_DAEMON("threads.daemon", Unit.COUNT, Aggregation.MAX),
    CPU_JVM_USER("cpu.jvmUser", Unit.RATIO, Aggregation.MEAN),
    CPU_JVM_SYSTEM("cpu.jvmSystem", Unit.RATIO, Aggregation.MEAN),
    CPU_MACHINE("cpu.machineTotal", Unit.RATIO, Aggregation.MEAN),
    /**
     * CPU of this JVM's Java threads (application and JIT compiler threads, summed from one
     * jdk.ThreadCPULoad batch), as a share of all cores; what the JVM uses beyond it is the garbage
     * collector's and the VM's own threads.
     */
    CPU_JAVA_THREADS("cpu.javaThreads", Unit.RATIO, Aggregation.MAX),
    /** Execution samples taken (jdk.ExecutionSample): the whole against which hot methods are shares. */
    CPU_SAMPLES("cpu.executionSamples", Unit.COUNT, Aggregation.SUM),
    MONITOR_ENTER_TIME("lock.monitorEnterTime", Unit.MILLISECONDS, Aggregation.SUM),
    MONITOR_WAIT_TIME("lock.monitorWaitTime", Unit.MILLISECONDS, Aggregation.SUM),
    PARK_TIME("lock.parkTime", Unit.MILLISECONDS, Aggregation.SUM),
    /** Memory used by direct ByteBuffers (jdk.DirectBufferStatistics). */
    DIRECT_BUFFER_USED("directBuffers.used", Unit.BYTES, Aggregation.LAST),
    DIRECT_BUFFER_COUNT("directBuffers.count", Unit.COUNT, Aggregation.LAST),
    HOST_CPU("host.cpuLoad", Unit.RATIO, Aggregation.MEAN),
    /** Share of the host's CPU time idle while waiting for I/O. */
    HOST_CPU_IOWAIT("host.cpuIowait", Unit.RATIO, Aggregation.MEAN),
    /** Share of the host's CPU time stolen by the hypervisor for other guests. */
    HOST_CPU_STEAL("host.cpuSteal", Unit.RATIO, Aggregation.MEAN),
    /**
     * Threads running or ready to run on the host, per logical CPU (Linux {@code procs_running},
     * less the sampler itself): above 1, threads queue for a CPU.
     */
    HOST_RUN_QUEUE_PER_CPU("host.runQueuePerCpu", Unit.RATIO, Aggregation.MEAN),
    HOST_MEMORY_TOTAL("host.memoryTotal", Unit.BYTES, Aggregation.LAST),
    HOST_MEMORY_AVAILABLE("host.memoryAvailable", Unit.BYTES, Aggregation.MIN),
    HOST_SWAP_TOTAL("host.swapTotal", Unit.BYTES, Aggregation.LAST),
    HOST_SWAP_USED("host.swapUsed", Unit.BYTES, Aggregation.MAX),
    /** The container's (cgroup's) memory limit, when it has one. */
    CONTAINER_MEMORY_LIMIT("container.memoryLimit", Unit.BYTES, Aggregation.LAST),
    /** The container's memory in use, page cache left out. */
    CONTAINER_MEMORY_USED("container.memoryUsed", Unit.BYTES, Aggregation.MAX),
    PROCESS_RSS("process.rss", Unit.BYTES, Aggregation.MAX),
    PROCESS_THREADS("process.threads", Unit.COUNT, Aggregation.MAX),
    PROCESS_OPEN_FILES("process.openFiles", Unit.COUNT, Aggregation.MAX);

    private final String key;
    private final Unit unit;
    private final Aggregation aggregation;

    Metric(String key, Unit unit, Aggregation aggregation) {
        this.key = key;
        this.unit = unit;
        this.aggregation = aggregation;
    }

    public String key() {
        return key;
    }

    public Unit unit() {
        return unit;
    }

    public Aggregation aggregation() {
        return aggregation;
    }
}
