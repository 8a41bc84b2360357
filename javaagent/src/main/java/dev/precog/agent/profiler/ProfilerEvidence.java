package dev.precog.agent.profiler;

import dev.precog.model.Finding;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BiConsumer;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;

/**
 * Evidence escalation with async-profiler ({@code asyncProfiler=on}): when a CPU_SATURATION,
 * LOCK_CONTENTION, ALLOCATION_PRESSURE or MEMORY_LEAK finding becomes confident, one short run in
 * the matching mode on its own thread, at most one at a time, once per occurrence of the finding
 * (its id and first detection), and at most {@link #MAX_RUNS_PER_HOUR} an hour. Every finding of
 * those kinds gets {@code evidence.profile} saying which source its stacks come from and, when
 * async-profiler did not run, why.
 */
public final class ProfilerEvidence implements AutoCloseable {

    /** Confidence from which a finding is worth a native profiler run. */
    public static final double CONFIDENT = 0.8;
    static final int MAX_RUNS_PER_HOUR = 6;
    /** Remembered outcomes; beyond it, those of findings no longer reported are forgotten. */
    static final int MAX_REMEMBERED = 64;
    private static final Duration HOUR = Duration.ofHours(1);

    private final boolean enabled;
    private final Duration duration;
    private final Path reportDir;
    private final long pid;
    private final ProfilerRunner runner;
    private final BooleanSupplier maySpend;
    private final BiConsumer<String, Throwable> errors;
    private final ThreadPoolExecutor executor;
    private final AtomicBoolean running = new AtomicBoolean();
    /** By finding id: the occurrence profiled (its firstDetectedAt) and what came of it. */
    private final Map<String, Outcome> outcomes = new ConcurrentHashMap<>();
    /** By finding id: why a confident finding still waits for its run; replaced every update. */
    private volatile Map<String, String> waiting = Map.of();
    /** Start times of the runs in the last hour; the scheduler thread's only. */
    private final Deque<Instant> recentRuns = new ArrayDeque<>();

    private record Outcome(Instant firstDetectedAt, ProfileResult result) {}

    ProfilerEvidence(boolean enabled, Duration duration, Path reportDir, long pid, ProfilerRunner runner,
            ThreadFactory threads, BooleanSupplier maySpend, BiConsumer<String, Throwable> errors) {
        this.enabled = enabled;
        this.duration = duration;
        this.reportDir = reportDir;
        this.pid = pid;
        this.runner = runner;
        this.maySpend = maySpend;
        this.errors = errors;
        // one thread, created on the first run and gone when idle; never a queue of runs
        this.executor = new ThreadPoolExecutor(1, 1, 30, TimeUnit.SECONDS, new ArrayBlockingQueue<>(1), threads);
        this.executor.allowCoreThreadTimeOut(true);
    }

    /**
     * The agent's collector.
     *
     * @param classLoader the loader whose {@code asprof/} resources hold async-profiler
     * @param maySpend whether the overhead budget allows a run now (asked before each run)
     */
    public static ProfilerEvidence create(boolean enabled, Duration duration, Path reportDir, long pid, ClassLoader classLoader,
            ThreadFactory threads, BooleanSupplier maySpend, BiConsumer<String, Throwable> errors) {
        return new ProfilerEvidence(enabled, duration, reportDir, pid, new AsyncProfilerRunner(classLoader), threads,
                maySpend, errors);
    }

    /** Starts a run for the first confident finding that is due, if none is running; called once per window. */
    public void update(List<Finding> findings, Instant now) {
        if (!enabled) {
            return;
        }
        while (!recentRuns.isEmpty() && recentRuns.peekFirst().isBefore(now.minus(HOUR))) {
            recentRuns.removeFirst();
        }
        Map<String, String> stillWaiting = new HashMap<>();
        for (Finding f : findings) {
            ProfileMode mode = ProfileMode.forKind(f.kind());
            if (mode == null || f.confidence() < CONFIDENT || profiled(f)) {
                continue;
            }
            String why = obstacle();
            if (why == null && start(f, mode)) {
                recentRuns.addLast(now);
            } else {
                stillWaiting.put(f.id(), why == null ? "waiting for another async-profiler run to finish" : why);
            }
        }
        waiting = Map.copyOf(stillWaiting);
        forgetBeyondLimit(findings);
    }

    private boolean profiled(Finding f) {
        Outcome o = outcomes.get(f.id());
        return o != null && o.firstDetectedAt().equals(f.firstDetectedAt());
    }

    /** Why no run may start now, or null. */
    private String obstacle() {
        if (running.get()) {
            return "waiting for another async-profiler run to finish";
        }
        if (recentRuns.size() >= MAX_RUNS_PER_HOUR) {
            return "waiting: at most " + MAX_RUNS_PER_HOUR + " async-profiler runs an hour";
        }
        if (!maySpend.getAsBoolean()) {
            return "waiting: the overhead budget is spent";
        }
        return null;
    }

    private boolean start(Finding f, ProfileMode mode) {
        if (!running.compareAndSet(false, true)) {
            return false;
        }
        Outcome started = new Outcome(f.firstDetectedAt(),
                ProfileResult.jfr(mode, "async-profiler " + mode.label() + " run in progress"));
        outcomes.put(f.id(), started);
        try {
            executor.execute(() -> runFor(f, mode));
            return true;
        } catch (RejectedExecutionException stopping) {
            outcomes.remove(f.id(), started);
            running.set(false);
            return false;
        }
    }

    private void runFor(Finding f, ProfileMode mode) {
        try {
            outcomes.put(f.id(), new Outcome(f.firstDetectedAt(), profile(f, mode)));
        } finally {
            // after the outcome is stored, so the next update cannot take the finding for unprofiled
            running.set(false);
        }
    }

    private ProfileResult profile(Finding f, ProfileMode mode) {
        try {
            return runner.profile(mode, duration, flameGraphFile(f));
        } catch (ProfilerUnavailableException e) {
            return ProfileResult.jfr(mode, e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return ProfileResult.jfr(mode, "async-profiler run cut short: Precog stopped");
        } catch (Throwable t) {
            errors.accept("async-profiler run for " + f.id(), t);
            return ProfileResult.jfr(mode, "async-profiler failed: " + t);
        }
    }

    /** {@code precog-profile-<pid>-<finding id as a file name>.html} in the report directory. */
    Path flameGraphFile(Finding f) {
        String name = f.id().replaceAll("[^A-Za-z0-9._-]+", "-");
        return reportDir.resolve("precog-profile-" + pid + "-" + name.substring(0, Math.min(80, name.length())) + ".html");
    }

    private void forgetBeyondLimit(List<Finding> findings) {
        if (outcomes.size() <= MAX_REMEMBERED) {
            return;
        }
        Set<String> standing = findings.stream().map(Finding::id).collect(Collectors.toSet());
        outcomes.keySet().removeIf(id -> !standing.contains(id));
    }

    /** The findings with {@code evidence.profile} added to those of the profiled kinds. */
    public List<Finding> attach(List<Finding> findings) {
        return findings.stream().map(this::withProfile).toList();
    }

    private Finding withProfile(Finding f) {
        ProfileMode mode = ProfileMode.forKind(f.kind());
        if (mode == null) {
            return f;
        }
        Map<String, Object> evidence = new LinkedHashMap<>(f.evidence());
        evidence.put("profile", profileOf(f, mode).toEvidence());
        return f.withEvidence(evidence);
    }

    private ProfileResult profileOf(Finding f, ProfileMode mode) {
        if (!enabled) {
            return ProfileResult.jfr(mode, "asyncProfiler=off");
        }
        Outcome o = outcomes.get(f.id());
        if (o != null && o.firstDetectedAt().equals(f.firstDetectedAt())) {
            return o.result();
        }
        String why = waiting.get(f.id());
        if (why != null) {
            return ProfileResult.jfr(mode, why);
        }
        if (o != null) {
            // the same problem came back, not yet confident again: its last profile (dated) beats none
            return o.result();
        }
        return ProfileResult.jfr(mode, String.format(Locale.ROOT,
                "async-profiler runs only from confidence %.1f (now %.2f)", CONFIDENT, f.confidence()));
    }

    /** Stops a run in progress (the profiler is stopped, not left running) and removes the temporary files. */
    @Override
    public void close() {
        executor.shutdownNow();
        try {
            executor.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        runner.close();
    }
}
