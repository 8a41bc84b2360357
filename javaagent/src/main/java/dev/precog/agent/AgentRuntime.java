package dev.precog.agent;

import dev.precog.analyzer.Analyzer;
import dev.precog.analyzer.detect.AnalysisContext;
import dev.precog.analyzer.evidence.Census;
import dev.precog.analyzer.evidence.CensusDiff;
import dev.precog.analyzer.evidence.Evidence;
import dev.precog.agent.pool.ExecutorInstrumentation;
import dev.precog.analyzer.jfr.JfrRepositoryVolume;
import dev.precog.analyzer.jfr.JfrStreamSource;
import dev.precog.analyzer.report.HeapDumpSizing;
import dev.precog.analyzer.report.HostInfos;
import dev.precog.analyzer.report.ReportHtml;
import dev.precog.analyzer.report.ReportJson;
import dev.precog.analyzer.report.ReportWriter;
import dev.precog.analyzer.timeline.Timeline;
import dev.precog.analyzer.window.WindowAccumulator;
import dev.precog.agent.jmx.AgentView;
import dev.precog.agent.jmx.PrecogMXBean;
import dev.precog.agent.profiler.ProfilerEvidence;
import dev.precog.host.HostMetricsSource;
import dev.precog.host.HostMetricsSources;
import dev.precog.model.AgentStats;
import dev.precog.model.HeapDumpSuggestion;
import dev.precog.model.JvmInfo;
import dev.precog.model.OverheadBudget;
import dev.precog.model.Report;
import dev.precog.model.Window;
import java.io.IOException;
import java.lang.instrument.Instrumentation;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Precog running inside a JVM: the JFR stream and the host sampler fill windows, each closed
 * window is analysed, and the report is replaced every interval and once more at shutdown.
 * Two threads of its own: {@code precog-jfr} and {@code precog-scheduler}. After each window it
 * measures its own cost and, when over its overhead budget, samples less.
 */
final class AgentRuntime implements AgentView {

    /** Roughly six hours of 10-second windows; fixed so memory stays bounded. */
    private static final int TIMELINE_CAPACITY = 2160;
    /** Walking the report, evidence and open window costs more than they change from one window to the next. */
    private static final Duration RETAINED_WALK_EVERY = Duration.ofSeconds(30);
    /** Closing the JFR stream at exit normally takes milliseconds; it can block for good (BoundedStep). */
    private static final Duration STREAM_CLOSE_CEILING = Duration.ofSeconds(3);
    /** How long to wait for an application's own LogManager before starting anyway. */
    private static final int LOG_MANAGER_WAIT_SECONDS = 120;

    private final AgentOptions options;
    private final String version;
    private final String mode;
    private final AgentLog log;
    private final Instrumentation instrumentation;
    private volatile boolean started;
    private final AgentThreads.Family threads;
    private final SelfMonitor selfMonitor;
    private final CostHistory costs;
    private final JfrRepositoryVolume jfrVolume = new JfrRepositoryVolume();
    private final BudgetController budget;
    /** Null until JFR and the host sampler have started: it turns their settings. */
    private volatile SamplingLadder ladder;
    private volatile boolean evidencePaused;
    /** Null without Instrumentation, which measures object sizes. */
    private final RetainedMemory retained;
    private volatile Long retainedBytes;
    /** When the structures besides the windows were last walked, and what they held then. */
    private Instant retainedWalkedAt = Instant.EPOCH;
    private long retainedBesidesWindows;
    private final AgentClassMetaspace classMetaspace;
    private ScheduledFuture<?> hostSampling;
    private final JvmInfo jvm;
    private final Boolean heapDumpOnOutOfMemory;
    private final Long metaspaceMax;
    private final AnalysisContext.Limit threadLimit;
    private final Path reportFile;
    private final Instant startedAt = Instant.now();
    private final Timeline timeline = new Timeline(TIMELINE_CAPACITY);
    private final WindowAccumulator accumulator;
    private final Analyzer analyzer = Analyzer.standard();
    private final AtomicBoolean stopped = new AtomicBoolean();
    private final LeakEvidenceCollector leakEvidence;
    private final TwoPointSampler<Census, CensusDiff> threadCensus;
    private final TwoPointSampler<Census, CensusDiff> loaderCensus;
    private volatile DeadlockProbe deadlocks;
    private volatile LockHolderProbe lockHolders;
    private volatile Evidence evidence = Evidence.NONE;
    /** Attaches {@code evidence.profile}; runs async-profiler only with {@code asyncProfiler=on}. */
    private final ProfilerEvidence profiles;
    private final HeapDumper heapDumper = HeapDumper.hotSpot();
    /** Null unless {@code heapDump=auto}. */
    private final AutoHeapDump autoDump;
    private volatile boolean mbeanRegistered;
    /** Usable bytes where a heap dump would go, read on the agent's thread before each analysis; null until then. */
    private volatile Long dumpDiskFree;
    private final ScheduledExecutorService scheduler;
    private volatile JfrStreamSource jfr;
    private volatile HostMetricsSource host;
    private volatile Report latest;
    private volatile Instant lastWritten;
    private volatile String reportProblem;
    private volatile String jfrProblem;
    private volatile String poolProblem;
    private volatile ExecutorInstrumentation pools;
    private Instant lastReportAt = Instant.EPOCH;

    AgentRuntime(AgentOptions options, String version, String mode, AgentLog log, Instrumentation instrumentation,
            AgentThreads.Family threads) {
        this.options = options;
        this.version = version;
        this.mode = mode;
        this.log = log;
        this.instrumentation = instrumentation;
        this.threads = threads;
        this.selfMonitor = new SelfMonitor(threads, new JfrThreadsCpu());
        this.costs = new CostHistory(options.overheadPeriod(), selfMonitor.read(Map.of(), -1));
        // a level is judged after three windows, and never on less than 10 s of measurement (nor more than the period)
        Duration threeWindows = options.window().multipliedBy(3);
        Duration settle = threeWindows.compareTo(Duration.ofSeconds(10)) > 0 ? threeWindows : Duration.ofSeconds(10);
        this.budget = new BudgetController(options.overheadBudget(), SamplingLadder.LEVELS,
                settle.compareTo(options.overheadPeriod()) < 0 ? settle : options.overheadPeriod(),
                options.overheadPeriod(), options.overheadPeriod());
        this.retained = instrumentation == null ? null
                : new RetainedMemory(instrumentation::getObjectSize, TIMELINE_CAPACITY, Timeline.DETAILED);
        this.classMetaspace = AgentClassMetaspace.of(AgentRuntime.class.getClassLoader(), log);
        this.jvm = LiveJvm.describe();
        this.heapDumpOnOutOfMemory = LiveJvm.heapDumpOnOutOfMemory();
        this.metaspaceMax = LiveJvm.maxMetaspace();
        this.threadLimit = ThreadLimit.read();
        this.reportFile = ReportWriter.reportFile(options.reportDir().toAbsolutePath().normalize(), jvm.pid());
        this.accumulator = new WindowAccumulator(startedAt);
        this.leakEvidence = new LeakEvidenceCollector(options.window(), log);
        this.threadCensus = ThreadCensus.sampler(options.window(), log);
        this.loaderCensus = ClassLoaderCensus.sampler(instrumentation, options.window(), log);
        this.scheduler = Executors.newSingleThreadScheduledExecutor(threads.named("scheduler"));
        this.autoDump = options.heapDumpAuto()
                ? new AutoHeapDump(options.heapDumpBefore(), heapDumper, HeapDumpSizing::usableBytes)
                : null;
        // a profiling run is evidence escalation: the budget's level 3 pauses it with the rest
        this.profiles = ProfilerEvidence.create(options.asyncProfiler(), options.profileDuration(), reportFile.getParent(),
                jvm.pid(), AgentRuntime.class.getClassLoader(), threads.named("profiler"), () -> !evidencePaused, log::error);
    }

    /**
     * Reads the CPU time and allocation of the agent's threads now, so a thread about to end (the
     * one that started the agent) is counted in the agent's cost.
     */
    void accountThreads() {
        selfMonitor.read(Map.of(), -1);
    }

    /**
     * Starts collecting. The costly parts (JFR, OSHI, JMX) start on the agent's own thread so
     * the application's start-up is not delayed; {@code onReady} runs there once they are up.
     * In a JVM started with the agent, the host source and the MBean wait one window
     * ({@link #deferredStartMillis}).
     */
    void start(Runnable onReady) {
        scheduler.execute(guarded("start", () -> {
            // the first, empty report here rather than in premain: evaluating loads every
            // detector and forecaster, about a thousand classes the application would wait for
            latest = buildReport(analyzer.evaluate(context(startedAt)), startedAt);
            startJfr();
            long windowMillis = options.window().toMillis();
            scheduler.scheduleAtFixedRate(guarded("window", this::closeWindow), windowMillis, windowMillis,
                    TimeUnit.MILLISECONDS);
            started = true;
            scheduler.schedule(guarded("start", () -> startWhenLoggingIsReady(onReady, 0)), deferredStartMillis(mode, options),
                    TimeUnit.MILLISECONDS);
        }));
    }

    /**
     * How long the host source and the MBean wait after JFR: one window when the agent starts with
     * the JVM, none when attached. They cost a cold JVM a good part of a second of CPU (the platform
     * MBean server; OSHI's set-up with JNA where OSHI is used), which an application still starting up
     * pays in its own time and a job ending within seconds pays for nothing; the first window has
     * no host metrics, and the MBean appears when it closes. An attach has no start-up to spare,
     * and the attach command waits for the outcome.
     */
    static long deferredStartMillis(String mode, AgentOptions options) {
        return AgentStarter.STARTUP_MODE.equals(mode) ? options.window().toMillis() : 0;
    }

    /**
     * OSHI's JNA and the platform MBean server initialise java.util.logging. If the application
     * names its own LogManager (WildFly, JBoss) and has not loaded it yet, doing that now would
     * fix the JDK's default LogManager for good and break the application, so wait for it.
     */
    private void startWhenLoggingIsReady(Runnable onReady, int waitedSeconds) {
        if (waitedSeconds < LOG_MANAGER_WAIT_SECONDS && !LogManagerGate.isReady(instrumentation)) {
            scheduler.schedule(guarded("start", () -> startWhenLoggingIsReady(onReady, waitedSeconds + 1)), 1,
                    TimeUnit.SECONDS);
            return;
        }
        host = HostMetricsSources.open(options.oshiHostMetrics());
        sampleHostEvery(options.hostInterval());
        JfrStreamSource stream = jfr;
        ladder = new SamplingLadder(stream == null ? Map.of() : stream.initialSettings(), options.hostInterval(),
                options.window(), new Knobs());
        onReady.run();
    }

    /** Without JFR the agent still samples the host and reports why the rest is missing. */
    private void startJfr() {
        instrumentThreadPools();
        try {
            JfrStreamSource stream = JfrStreamSource.create(accumulator, AcceptedConnections.fromProc(), options.chunkRotation());
            stream.start(threads.named("jfr"));
            jfr = stream;
        } catch (Throwable t) {
            // without the stream no pool events are read: the hooks would only cost the application
            ExecutorInstrumentation p = pools;
            if (p != null) {
                p.close();
                pools = null;
            }
            jfrProblem = "JFR stream not started: " + t;
            log.error("JFR stream not started", t);
        }
    }

    /** Before the stream starts, so the stream enables the pool event it registers. */
    private void instrumentThreadPools() {
        if (!options.threadPools()) {
            return;
        }
        try {
            pools = ExecutorInstrumentation.install(instrumentation);
        } catch (Throwable t) {
            poolProblem = "thread pools not instrumented, so THREAD_STARVATION cannot be detected: " + t;
            log.error("thread pools not instrumented", t);
        }
    }

    /** Wraps a periodic task: an escaping Throwable would cancel all its later runs. */
    private Runnable guarded(String what, Runnable task) {
        return () -> {
            try {
                task.run();
            } catch (Throwable t) {
                log.error(what + " failed", t);
            }
        };
    }

    /** On the scheduler thread: the ladder changes the interval from there too. */
    private void sampleHostEvery(Duration interval) {
        if (hostSampling != null) {
            hostSampling.cancel(false);
        }
        hostSampling = scheduler.scheduleAtFixedRate(guarded("host sampling", this::sampleHost), 0, interval.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    /** What the sampling ladder turns in this agent. */
    private final class Knobs implements SamplingLadder.Knobs {

        @Override
        public void jfrSettings(String eventName, Map<String, String> settings) {
            JfrStreamSource stream = jfr;
            if (stream != null) {
                try {
                    stream.reconfigure(eventName, settings);
                } catch (RuntimeException e) {
                    log.error("JFR settings of " + eventName + " not changed", e);
                }
            }
        }

        @Override
        public void hostInterval(Duration interval) {
            sampleHostEvery(interval);
        }

        @Override
        public void evidencePaused(boolean paused) {
            evidencePaused = paused;
        }
    }

    private void sampleHost() {
        HostMetricsSource h = host;
        if (h != null) {
            accumulator.record(h.sample());
        }
    }

    private String hostDescription() {
        HostMetricsSource h = host;
        return h == null ? "starting" : h.description();
    }

    private void closeWindow() {
        Instant now = Instant.now();
        Window w = accumulator.close(now);
        timeline.add(w);
        JfrStreamSource stream = jfr;
        if (stream != null && !stopped.get()) {
            // before the cost is read, so ending a chunk counts in this window's; never once the JVM
            // is exiting, when it can block for good (BoundedStep)
            stream.boundParserMemory(now);
        }
        if (retained != null) {
            retained.windowAdded(w);
        }
        CostReading cost = readCost();
        SamplingLadder l = ladder;
        if (l != null) {
            // after start-up only: starting costs once, and lowering sampling would not make it cheaper
            l.moveTo(budget.update(now, cost.budgetedCpuNanos()));
        }
        measureRetained(now);
        if (host != null) {
            // after start-up: the agent's classes are loaded by then and the MBean server is safe to use
            classMetaspace.update(now);
            // every window, before the analysis, so a deadlock is reported in the window it is found
            if (deadlocks == null) {
                deadlocks = new DeadlockProbe(log);
            }
            evidence = evidence.withDeadlocks(deadlocks.find());
        }
        dumpDiskFree = HeapDumpSizing.usableBytes(reportFile.getParent());
        Analyzer.Result result = analyzer.evaluate(context(now));
        boolean dumpChanged = false;
        if (autoDump != null && host != null) {
            // after start-up, like the other costly evidence; it stops the JVM, but on this thread
            String before = autoDump.record().status();
            dumpChanged = !before.equals(autoDump.update(result.findings(), result.heapDump(), now).status());
        }
        if (host != null) {
            // before the report, so it says at once that a run started (or why none could)
            profiles.update(result.findings(), now);
        }
        latest = buildReport(result, now);
        if (host != null && !evidencePaused) {
            // Costly evidence only after start-up (the MBean server is safe to use by then).
            evidence = evidence.withHeap(leakEvidence.update(result.findings(), now));
            evidence = evidence.withThreads(threadCensus.update(ThreadCensus.wanted(result.findings()), now));
            evidence = evidence.withClassLoaders(loaderCensus.update(ClassLoaderCensus.wanted(result.findings()), now));
            Set<String> contended = LockHolderProbe.wanted(result.findings());
            if (!contended.isEmpty() && lockHolders == null) {
                lockHolders = new LockHolderProbe(log);
            }
            if (lockHolders != null) {
                evidence = evidence.withLockHolders(lockHolders.update(contended));
            }
        }
        if (dumpChanged
                || Duration.between(lastReportAt, now).compareTo(options.interval().minusMillis(options.window().toMillis() / 2)) >= 0) {
            lastReportAt = now;
            writeReport();
        }
    }

    /** Synchronized: at shutdown it may run while a late window closes. */
    private synchronized CostReading readCost() {
        JfrStreamSource stream = jfr;
        CostReading reading = selfMonitor.read(stream == null ? Map.of() : stream.deliveredByEventType(),
                jfrVolume.bytesWritten().orElse(-1));
        costs.add(reading);
        return reading;
    }

    /** The windows are measured as they come; the rest is walked at most every {@link #RETAINED_WALK_EVERY}. */
    private void measureRetained(Instant now) {
        if (retained == null) {
            return;
        }
        if (Duration.between(retainedWalkedAt, now).compareTo(RETAINED_WALK_EVERY) >= 0) {
            retainedWalkedAt = now;
            try {
                // the accumulator's tables change under its lock only: hold it so they are walked whole
                synchronized (accumulator) {
                    retainedBesidesWindows = retained.bytes(timeline, accumulator, latest, evidence, analyzer) - retained.windowBytes();
                }
            } catch (RuntimeException e) {
                log.error("retained memory not measured", e);
            }
        }
        retainedBytes = retained.windowBytes() + retainedBesidesWindows;
    }

    private AnalysisContext context(Instant now) {
        return new AnalysisContext(timeline, now, jvm.pid(), jvm.heapMaxBytes(), reportFile.getParent(), heapDumpOnOutOfMemory,
                evidence).withMetaspaceMaxBytes(metaspaceMax).withThreadLimit(threadLimit)
                .withDumpDiskFreeBytes(dumpDiskFree).withPrecogInJvm(jfr != null);
    }

    private Report buildReport(Analyzer.Result result, Instant now) {
        AgentStats stats = stats();
        List<Window> windows = timeline.windows();
        Instant from = windows.isEmpty() ? startedAt : windows.get(0).start();
        return new Report(Report.SCHEMA_VERSION, now, jvm, HostInfos.latest(timeline, hostDescription()),
                new Report.Analysis("live:" + mode, from, now, timeline.appended(), options.window().toMillis() / 1000.0,
                        problemList()),
                profiles.attach(result.findings()), result.forecasts(), heapDump(result.heapDump()), stats);
    }

    /** Lifetime figures count the agent's own threads, as since the first release; recent ones add JFR's. */
    private AgentStats stats() {
        CostReading first = costs.first();
        CostReading last = costs.latest();
        long wall = last.nanoTime() - first.nanoTime();
        long processCpu = last.processCpuNanos() - first.processCpuNanos();
        long processAllocated = last.processAllocatedBytes() - first.processAllocatedBytes();
        Long maxHeap = jvm.heapMaxBytes();
        Long held = retainedBytes;
        JfrStreamSource stream = jfr;
        AgentClassMetaspace.Reading classes = classMetaspace.latest();
        return new AgentStats(version, mode, wall / 1_000_000, last.agentCpuNanos() / 1_000_000,
                first.processCpuNanos() >= 0 && processCpu > 0 ? Math.min(1.0, (double) last.agentCpuNanos() / processCpu) : null,
                wall > 0 ? (double) last.agentCpuNanos() / wall : null, last.agentAllocatedBytes(),
                accumulator.totalEvents(), accumulator.totalDropped(), timeline.appended(), hostDescription(),
                last.jfrThreadsCpuNanos() >= 0 ? last.jfrThreadsCpuNanos() / 1_000_000 : null,
                first.processAllocatedBytes() >= 0 && processAllocated > 0
                        ? Math.min(1.0, (double) last.agentAllocatedBytes() / processAllocated) : null,
                held, held != null && maxHeap != null && maxHeap > 0 ? (double) held / maxHeap : null,
                costs.recent(), budgetState(), stream == null ? null : stream.chunkRotations(),
                stream == null ? null : stream.parserStackBytes(), stream == null ? null : stream.allocationSamplingLowered(),
                classes == null ? null : classes.classes(), classes == null ? null : classes.metaspaceBytes());
    }

    private OverheadBudget budgetState() {
        SamplingLadder l = ladder;
        return new OverheadBudget(budget.budget(), budget.measured(), budget.measuredOverSeconds(),
                l == null ? 0 : l.level(), SamplingLadder.LEVELS, l == null ? List.of() : l.actions(), budget.reason(),
                budget.changedAt());
    }

    /** The analysis's advice, with Precog's own dump operation and what the automatic dump did. */
    private HeapDumpSuggestion heapDump(HeapDumpSuggestion advice) {
        HeapDumpSuggestion s = mbeanRegistered ? advice.withMbeanOperation(PrecogMXBean.DUMP_HEAP_OPERATION) : advice;
        return autoDump == null ? s : s.withAutoDump(autoDump.record());
    }

    /** Called once the MBean is registered: its dumpHeap() is then the operation to advise. */
    void mbeanRegistered() {
        mbeanRegistered = true;
    }

    /** A dump the operator asked for through JMX, on the agent's own thread like the automatic one. */
    @Override
    public Path dumpHeap() {
        try {
            return scheduler.submit(this::dumpHeapNow).get();
        } catch (RejectedExecutionException e) {
            throw new IllegalStateException("Precog is stopping; take the dump with " + latest.heapDumpSuggestion().command());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the heap dump was being taken");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            throw new IllegalStateException(cause instanceof IllegalStateException ? cause.getMessage()
                    : "heap dump failed: " + (cause.getMessage() == null ? cause.toString() : cause.getMessage()));
        }
    }

    private Path dumpHeapNow() throws IOException {
        HeapDumpSuggestion s = latest.heapDumpSuggestion();
        Path target = Path.of(s.dumpPath());
        long estimate = s.estimatedDumpBytes() != null
                ? s.estimatedDumpBytes()
                : HeapDumpSizing.dumpBytes(Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory());
        Long usable = HeapDumpSizing.usableBytes(target.getParent());
        // the operator asked: only a disk known to lack room refuses
        String noRoom = usable == null ? null : HeapDumper.lackOfRoom(target, estimate, usable);
        if (noRoom != null) {
            throw new IllegalStateException("heap dump refused: " + noRoom + "; free space there or use " + s.command()
                    + " with a file on another disk");
        }
        return heapDumper.dump(target).file();
    }

    /** Writes the latest report now; returns its path. */
    @Override
    public Path writeReport() {
        try {
            ReportWriter.writeAtomically(reportFile, ReportJson.toJson(latest));
            lastWritten = Instant.now();
            reportProblem = null;
        } catch (IOException | RuntimeException e) {
            reportProblem = "cannot write " + reportFile + ": " + e;
            log.error("report not written", e);
            return reportFile;
        }
        Path page = ReportWriter.htmlBeside(reportFile);
        try {
            ReportWriter.writeAtomically(page, ReportHtml.toHtml(latest));
        } catch (IOException | RuntimeException e) {
            // the JSON, which tools read, is written; the page for people is what failed
            reportProblem = "cannot write " + page + ": " + e;
            log.error("report page not written", e);
        }
        return reportFile;
    }

    /** Closes the last window, writes the final report and releases everything; safe to call twice. */
    void stop() {
        if (!stopped.compareAndSet(false, true)) {
            return;
        }
        scheduler.shutdownNow();
        if (!started) {
            // Still starting (JFR, OSHI): nothing collected yet, and not worth delaying the exit.
            return;
        }
        try {
            scheduler.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        JfrStreamSource stream = jfr;
        if (stream != null && !BoundedStep.runWithin(stream::close, STREAM_CLOSE_CEILING, threads.named("close-jfr"))) {
            // the final report is written all the same, from the events folded so far
            log.error("JFR stream not closed within " + STREAM_CLOSE_CEILING.toSeconds() + " s at exit; left to the JVM", null);
        }
        ExecutorInstrumentation p = pools;
        if (p != null) {
            p.close();
        }
        profiles.close();
        try {
            closeWindowAtShutdown();
        } catch (RuntimeException e) {
            log.error("final report", e);
        }
    }

    private void closeWindowAtShutdown() {
        Instant now = Instant.now();
        timeline.add(accumulator.close(now));
        readCost();
        latest = buildReport(analyzer.evaluate(context(now)), now);
        writeReport();
    }

    @Override
    public Report latest() {
        return latest;
    }

    @Override
    public Path reportFile() {
        return reportFile;
    }

    @Override
    public Instant lastWritten() {
        return lastWritten;
    }

    @Override
    public Instant startedAt() {
        return startedAt;
    }

    @Override
    public String mode() {
        return mode;
    }

    @Override
    public String version() {
        return version;
    }

    /** Problems the operator should know about (report not writable, handler errors), or null. */
    @Override
    public String problems() {
        List<String> p = problemList();
        return p.isEmpty() ? null : String.join("; ", p);
    }

    private List<String> problemList() {
        List<String> p = new ArrayList<>();
        if (reportProblem != null) {
            p.add(reportProblem);
        }
        JfrStreamSource stream = jfr;
        if (jfrProblem != null) {
            p.add(jfrProblem);
        } else if (stream == null || !stream.isReady()) {
            p.add("JFR stream not started yet");
        } else {
            if (stream.handlerFailures() > 0) {
                p.add(stream.handlerFailures() + " JFR events failed to fold (last: " + stream.lastFailure() + ")");
            }
            if (stream.chunkRotationProblem() != null) {
                p.add(stream.chunkRotationProblem());
            }
            if (options.chunkRotation() == null) {
                p.add("JFR chunks not ended (chunkRotation=off): the stream's parser keeps every stack trace of a chunk until"
                        + " JFR ends it");
            }
        }
        if (poolProblem != null) {
            p.add(poolProblem);
        }
        if (analyzer.failures() > 0) {
            p.add(analyzer.failures() + " detector runs failed");
        }
        if (log.lastError() != null) {
            p.add("last error: " + log.lastError());
        }
        return p;
    }
}
