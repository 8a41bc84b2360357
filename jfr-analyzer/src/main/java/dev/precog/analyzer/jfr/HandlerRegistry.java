package dev.precog.analyzer.jfr;

import dev.precog.analyzer.window.WindowAccumulator;
import dev.precog.model.DistributionKind;
import dev.precog.model.Metric;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** The handlers Precog uses, filtered to the event types this JVM or this recording has. */
public final class HandlerRegistry {

    private HandlerRegistry() {}

    /**
     * Handlers for a live stream: the target JVM is known, so no JVM-fact events; {@code inbound}
     * tells the reads a server waits for its clients in.
     */
    public static List<EventHandler> live(WindowAccumulator sink, Set<String> availableEvents, InboundConnections inbound) {
        return filter(common(sink, inbound), availableEvents);
    }

    /** Handlers for reading a recording: the common ones plus what describes the recorded JVM and host. */
    public static List<EventHandler> offline(WindowAccumulator sink, RecordedJvmFacts facts) {
        List<EventHandler> handlers = new ArrayList<>(common(sink, InboundConnections.NONE));
        handlers.addAll(JvmFactsHandlers.create(facts, sink));
        handlers.add(new OldObjectSampleHandler(facts.oldObjects()));
        handlers.add(ThreadLifecycleHandler.start(facts.threads()));
        handlers.add(ThreadLifecycleHandler.end(facts.threads()));
        handlers.add(new ClassLoaderStatisticsHandler(facts.classLoaders()));
        handlers.add(new MaxMetaspaceSizeHandler(facts));
        handlers.add(new ThreadDumpHandler(facts));
        handlers.add(new HostCpuFromJfrHandler(sink));
        return handlers;
    }

    private static List<EventHandler> common(WindowAccumulator sink, InboundConnections inbound) {
        GcCorrelator correlator = new GcCorrelator(sink);
        return List.of(
                new GarbageCollectionHandler(sink, correlator),
                new G1GarbageCollectionHandler(correlator),
                new GcHeapSummaryHandler(sink, correlator),
                new G1IhopHandler(sink),
                new GcPhasePauseHandler(sink),
                new AllocationSampleHandler(sink),
                new BlockingEventHandler(BlockingEventHandler.MONITOR_ENTER, DistributionKind.MONITOR_ENTER,
                        Metric.MONITOR_ENTER_TIME, sink),
                new BlockingEventHandler(BlockingEventHandler.MONITOR_WAIT, DistributionKind.MONITOR_WAIT,
                        Metric.MONITOR_WAIT_TIME, sink),
                new BlockingEventHandler(BlockingEventHandler.THREAD_PARK, DistributionKind.THREAD_PARK,
                        Metric.PARK_TIME, sink),
                new VirtualThreadPinnedHandler(sink),
                IoEventHandler.socketRead(sink, inbound),
                IoEventHandler.socketWrite(sink),
                IoEventHandler.fileRead(sink),
                IoEventHandler.fileWrite(sink),
                new CpuLoadHandler(sink),
                new ThreadCpuLoadHandler(sink),
                new ExecutionSampleHandler(sink),
                new ThreadStatisticsHandler(sink),
                new ClassLoadingStatisticsHandler(sink),
                new MetaspaceSummaryHandler(sink),
                new DirectBufferStatisticsHandler(sink),
                new ThreadPoolHandler(sink));
    }

    private static List<EventHandler> filter(List<EventHandler> handlers, Set<String> available) {
        return handlers.stream().filter(h -> available.contains(h.eventName())).toList();
    }
}
