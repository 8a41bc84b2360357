package dev.precog.agent.profiler;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Runs Precog's own async-profiler, loading it on first use. Before every run it checks
 * /proc/self/maps: if anyone else has loaded async-profiler (before Precog or since), Precog does
 * not load or start its copy. A load that failed is not retried: its reason stands for the JVM's life.
 */
final class AsyncProfilerRunner implements ProfilerRunner {

    private static final Path PERF_EVENT_PARANOID = Path.of("/proc/sys/kernel/perf_event_paranoid");

    private final ClassLoader resources;
    private volatile AsyncProfilerLibrary library;
    private String unavailable;

    /** @param resources the loader whose {@code asprof/} resources hold async-profiler (the isolated loader) */
    AsyncProfilerRunner(ClassLoader resources) {
        this.resources = resources;
    }

    @Override
    public synchronized ProfileResult profile(ProfileMode mode, Duration duration, Path flameGraph) throws Exception {
        if (unavailable != null) {
            throw new ProfilerUnavailableException(unavailable);
        }
        String unsupported = AsyncProfilerLibrary.unsupportedPlatform();
        if (unsupported != null) {
            // before reading /proc/self/maps, which such a platform lacks: this reason is the clearer one
            unavailable = unsupported;
            throw new ProfilerUnavailableException(unavailable);
        }
        List<String> others;
        try {
            others = LoadedProfilers.inThisProcess(library == null ? null : library.directory());
        } catch (IOException e) {
            throw new ProfilerUnavailableException("cannot read " + LoadedProfilers.SELF_MAPS
                    + " to tell whether another async-profiler is loaded, so Precog does not load one: " + e);
        }
        if (!others.isEmpty()) {
            throw new ProfilerUnavailableException("another async-profiler is already loaded in this JVM (" + others.get(0)
                    + "); Precog never loads a second copy, since two break each other");
        }
        if (library == null) {
            try {
                library = AsyncProfilerLibrary.load(resources);
            } catch (ProfilerUnavailableException e) {
                unavailable = e.getMessage();
                throw e;
            }
        }
        return ProfileRun.run(library.profiler(), mode, duration, flameGraph, Files.exists(PERF_EVENT_PARANOID),
                d -> Thread.sleep(d.toMillis()), FullCollection::systemGc);
    }

    /** Not synchronized: it must not wait for a run the agent's shutdown is interrupting. */
    @Override
    public void close() {
        AsyncProfilerLibrary l = library;
        if (l != null) {
            l.close();
        }
    }
}
