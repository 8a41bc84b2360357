package dev.precog.agent.profiler;

import dev.precog.analyzer.detect.JavaTypes;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.stream.Collectors;

/**
 * One bounded async-profiler run: start in the finding's mode (cpu falling back to itimer where
 * perf events are refused), wait (in alloc-live mode, then collect: {@link FullCollection}), stop
 * whatever happens, then read the heaviest stacks and write the flame graph beside the report (to a
 * temporary name, then renamed, so a reader never sees half).
 */
final class ProfileRun {

    static final int TOP_STACKS = 5;
    /**
     * Appended to both dumps: stacks through Precog's own code (its analyzer allocating, its CPU) are
     * left out of the top stacks and the flame graph alike; the evidence is about the application,
     * and the agent reports its own cost elsewhere.
     */
    static final String WITHOUT_PRECOG = JavaTypes.precogPackages().stream().map(p -> ",exclude=" + p + "*")
            .collect(Collectors.joining());
    static final int STACK_FRAMES = 20;

    /** Waits out the run; {@code Thread::sleep} in the agent, instant in tests. */
    interface Clock {
        void sleep(Duration d) throws InterruptedException;
    }

    private ProfileRun() {}

    /**
     * @param perfEventsPresent whether the kernel has perf events at all: without them async-profiler's
     *        cpu mode would quietly sample wall-clock time of running threads instead, so itimer is used
     * @param collection the full collection an alloc-live run asks for before it stops; other modes never call it
     * @throws InterruptedException when the agent stops during the run (the profiler is stopped first)
     */
    static ProfileResult run(NativeProfiler profiler, ProfileMode wanted, Duration duration, Path flameGraph,
            boolean perfEventsPresent, Clock clock, FullCollection collection) throws Exception {
        ProfileMode mode = wanted;
        String fallback = null;
        if (mode == ProfileMode.CPU && !perfEventsPresent) {
            mode = ProfileMode.ITIMER;
            fallback = "no perf events in this kernel (no /proc/sys/kernel/perf_event_paranoid); itimer used";
        } else if (mode == ProfileMode.CPU) {
            try {
                profiler.execute("start," + mode.startArguments());
            } catch (Exception refused) {
                mode = ProfileMode.ITIMER;
                fallback = "perf events not allowed (" + refused.getMessage() + "); itimer used";
            }
        }
        if (mode != ProfileMode.CPU) {
            profiler.execute("start," + mode.startArguments());
        }
        Instant profiledAt = Instant.now();
        long startedAt = System.nanoTime();
        Long fullGcMillis = null;
        try {
            clock.sleep(duration);
            if (mode == ProfileMode.LIVE_ALLOC) {
                FullCollection.Outcome gc = collection.run();
                fullGcMillis = gc.pauseMillis();
                fallback = gc.skipped();
            }
        } finally {
            profiler.execute("stop");
        }
        double seconds = Math.round((System.nanoTime() - startedAt) / 1e8) / 10.0;
        CollapsedStacks stacks = CollapsedStacks.parse(profiler.execute("collapsed,dot" + WITHOUT_PRECOG));
        Path written = writeFlameGraph(profiler, flameGraph);
        return new ProfileResult("async-profiler " + mode.label(), fallback, mode.label(), profiledAt.toString(), seconds,
                stacks.totalSamples(),
                stacks.top(TOP_STACKS, STACK_FRAMES), written == null ? null : written.toString(), fullGcMillis);
    }

    private static Path writeFlameGraph(NativeProfiler profiler, Path target) throws Exception {
        Path partial = target.resolveSibling(target.getFileName() + ".partial");
        if (partial.toString().contains(",")) {
            // async-profiler's commands are comma-separated: such a path cannot be passed
            return null;
        }
        profiler.execute("flamegraph,dot" + WITHOUT_PRECOG + ",file=" + partial);
        if (!Files.isRegularFile(partial)) {
            return null;
        }
        Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return target.toAbsolutePath();
    }
}
