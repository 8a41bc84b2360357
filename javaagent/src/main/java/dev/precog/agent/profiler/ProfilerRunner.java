package dev.precog.agent.profiler;

import java.nio.file.Path;
import java.time.Duration;

/** Runs one profile for a finding; an interface so the collector's decisions can be tested without a native library. */
interface ProfilerRunner extends AutoCloseable {

    /**
     * Profiles in {@code mode} for {@code duration}, writing the flame graph to {@code flameGraph}.
     *
     * @throws ProfilerUnavailableException when async-profiler cannot or must not run here
     * @throws InterruptedException when the agent stops meanwhile
     */
    ProfileResult profile(ProfileMode mode, Duration duration, Path flameGraph) throws Exception;

    @Override
    void close();
}
