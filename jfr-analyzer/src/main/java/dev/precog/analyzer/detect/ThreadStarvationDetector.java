package dev.precog.analyzer.detect;

import dev.precog.analyzer.report.Format;
import dev.precog.model.Finding;
import dev.precog.model.FindingKind;
import dev.precog.model.PoolActivity;
import dev.precog.model.Severity;
import dev.precog.model.Suggestion;
import dev.precog.model.Suspect;
import dev.precog.model.WaitSite;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * THREAD_STARVATION: a ThreadPoolExecutor whose workers are all busy while tasks queue up and wait
 * for one, for most of the last half minute or more (from the agent's precog.ThreadPool
 * events). Names the queued tasks' class and the code that submits them, says what the workers
 * are blocked on when they wait rather than work, and sizes the pool by Little's law.
 */
public final class ThreadStarvationDetector implements Detector {

    static final int MIN_WINDOWS = 3;
    static final double MIN_SECONDS = 30;
    /**
     * Share of the time the pool's samples cover that must be starved, each window counting for as long as its
     * samples lasted: a steady state, not a burst.
     */
    static final double SUSTAINED = 0.5;
    static final double CRITICAL_SUSTAINED = 0.8;
    static final double CRITICAL_WAIT_SECONDS = 1.0;
    static final double CONFIDENT_TASKS = 100;
    /** Share of busy workers blocked on one site for the advice to be about that wait. */
    static final double WORKERS_MOSTLY_BLOCKED = 0.5;

    @Override
    public FindingKind kind() {
        return FindingKind.THREAD_STARVATION;
    }

    @Override
    public List<Finding> detect(AnalysisContext context) {
        Optional<RecentActivity> found = RecentActivity.of(context.timeline(), MIN_WINDOWS, MIN_SECONDS);
        if (found.isEmpty()) {
            return List.of();
        }
        RecentActivity recent = found.get();
        List<PoolSummary> pools = PoolSummary.over(recent.windows());
        Map<String, Long> labels = pools.stream().collect(Collectors.groupingBy(p -> p.last().label(), Collectors.counting()));
        List<Finding> out = new ArrayList<>();
        for (PoolSummary pool : pools) {
            if (pool.windows() >= MIN_WINDOWS && pool.starvedShare() >= SUSTAINED) {
                // two pools whose workers share a name are told apart by their number
                String label = labels.get(pool.last().label()) > 1 ? pool.last().label() + "#" + pool.last().poolId()
                        : pool.last().label();
                out.add(finding(pool, label, recent, context));
            }
        }
        return out;
    }

    private Finding finding(PoolSummary pool, String label, RecentActivity recent, AnalysisContext context) {
        PoolActivity t = pool.total();
        PoolActivity last = pool.last();
        double waitSeconds = t.meanWaitSeconds();
        boolean growing = pool.queueGrowing();
        Severity severity = (waitSeconds >= CRITICAL_WAIT_SECONDS && pool.starvedShare() >= CRITICAL_SUSTAINED)
                || (t.rejected() > 0 && pool.starvedShare() >= CRITICAL_SUSTAINED) ? Severity.CRITICAL : Severity.WARNING;
        double confidence = Format.round(pool.starvedShare() * Math.min(1, t.started() / CONFIDENT_TASKS), 2);
        int limit = PoolSummary.workerLimit(last);
        WorkerWait blockedOn = WorkerWait.busiest(recent, last.threadNamePrefix());

        StringBuilder summary = new StringBuilder(String.format(Locale.ROOT,
                "Thread pool %s is starved: all %d workers busy while %.0f tasks wait on average (up to %d), each about %s"
                        + " for a worker, in %d of %d windows over the last %s",
                label, limit, t.queueAverage(), t.queueMax(), Format.duration(waitSeconds), pool.starvedWindows(),
                pool.windows(), Format.duration(recent.seconds())));
        if (t.rejected() > 0) {
            summary.append(String.format(Locale.ROOT, "; %,d tasks rejected", t.rejected()));
        }
        if (growing) {
            summary.append("; the queue is growing");
        }
        if (last.taskClass() != null) {
            summary.append("; queued tasks are ").append(last.taskClass());
        }

        Map<String, Object> evidence = new LinkedHashMap<>();
        evidence.put("pool", label);
        evidence.put("executorClass", last.executorClass());
        putIfKnown(evidence, "threadNamePrefix", last.threadNamePrefix());
        putIfKnown(evidence, "submittedFrom", last.submitter());
        putIfKnown(evidence, "taskClass", last.taskClass());
        evidence.put("corePoolSize", last.corePoolSize());
        evidence.put("maximumPoolSize", last.maximumPoolSize());
        evidence.put("queueUnbounded", PoolSummary.unbounded(last));
        evidence.put("workersBusyAverage", Format.round(t.activeAverage(), 2));
        evidence.put("queueDepthAverage", Format.round(t.queueAverage(), 1));
        evidence.put("queueDepthMax", t.queueMax());
        evidence.put("queueDepthLast", Format.round(last.queueAverage(), 1));
        evidence.put("queueWaitMeanMillis", Format.round(waitSeconds * 1000, 1));
        evidence.put("tasksSubmittedPerSecond", Format.round(pool.arrivalRate(), 2));
        evidence.put("tasksStartedPerSecond", Format.round(pool.startRate(), 2));
        evidence.put("tasksRejected", t.rejected());
        evidence.put("taskMillis", Format.round(pool.serviceSeconds() * 1000, 1));
        evidence.put("workersNeeded", pool.workersNeeded());
        evidence.put("starvedWindows", pool.starvedWindows());
        evidence.put("windows", pool.windows());
        if (blockedOn != null) {
            evidence.put("workersBlockedOn", blockedOn.evidence(t.activeAverage()));
        }
        evidence.put("confidenceReason", String.format(Locale.ROOT,
                "all workers busy with tasks waiting for %s of the time sampled (%d of %d windows); %,d tasks started;"
                        + " queue wait is the time tasks waited summed over the window, divided by the tasks that started"
                        + " (Little's law)",
                Format.percent(pool.starvedShare()), pool.starvedWindows(), pool.windows(), t.started()));
        return new Finding("pool:" + label, kind(), severity, confidence, context.now(), null, summary.toString(), evidence,
                suspects(last, blockedOn), ThreadStarvationAdvice.suggestions(pool, blockedOn, context.pidOrPlaceholder()));
    }

    /** Evidence maps hold no nulls: a fact not known is left out. */
    private static void putIfKnown(Map<String, Object> evidence, String key, Object value) {
        if (value != null) {
            evidence.put(key, value);
        }
    }

    /** The queued tasks' class, the application's executor subclass, the submitting class, what the workers block on. */
    private static List<Suspect> suspects(PoolActivity pool, WorkerWait blockedOn) {
        List<Suspect> out = new ArrayList<>();
        if (pool.taskClass() != null && !JavaTypes.isPlatform(pool.taskClass())) {
            out.add(new Suspect(pool.taskClass(), "queued-tasks", null, submitterStack(pool),
                    "the task class waiting longest in the queue of " + pool.label()));
        }
        if (!JavaTypes.isPlatform(pool.executorClass())) {
            out.add(new Suspect(pool.executorClass(), "executor-class", null, List.of(), "the starved pool's own class"));
        }
        String submitterClass = classOf(pool.submitter());
        if (submitterClass != null && !JavaTypes.isPlatform(submitterClass)
                && out.stream().noneMatch(s -> s.className().equals(submitterClass))) {
            out.add(new Suspect(submitterClass, "submitter", null, submitterStack(pool),
                    "submits the work to " + pool.label()));
        }
        if (blockedOn != null && blockedOn.site().ownerType() != null
                && out.stream().noneMatch(s -> s.className().equals(blockedOn.site().ownerType()))) {
            out.add(new Suspect(blockedOn.site().ownerType(), "worker-waits", null, blockedOn.stack(),
                    "the pool's workers block in " + blockedOn.site().kind() + " " + blockedOn.site().resource()));
        }
        return out;
    }

    private static List<String> submitterStack(PoolActivity pool) {
        return pool.submitter() == null ? List.of() : List.of(pool.submitter());
    }

    /** {@code com.shop.Api.render:42} → {@code com.shop.Api}. */
    static String classOf(String frame) {
        if (frame == null) {
            return null;
        }
        int colon = frame.indexOf(':');
        String method = colon < 0 ? frame : frame.substring(0, colon);
        int dot = method.lastIndexOf('.');
        return dot < 0 ? null : method.substring(0, dot);
    }

    /** What the pool's workers spend most blocked time on (a lock or an I/O site), from the wait sites. */
    record WorkerWait(WaitSummary site, double workersBlocked) {

        /** The site where the workers named {@code prefix} are blocked most, or null. */
        static WorkerWait busiest(RecentActivity recent, String prefix) {
            if (prefix == null) {
                return null;
            }
            WorkerWait best = null;
            for (WaitSummary s : WaitSummary.over(recent.windows(), site -> isWorkers(site, prefix))) {
                long workers = s.threads().stream().filter(n -> n.startsWith(prefix)).count();
                double blocked = s.blockedMillis() / 1000 / recent.seconds() * workers / Math.max(1, s.threads().size());
                if (best == null || blocked > best.workersBlocked) {
                    best = new WorkerWait(s, blocked);
                }
            }
            return best;
        }

        private static boolean isWorkers(WaitSite site, String prefix) {
            return site.threads().stream().anyMatch(n -> n.startsWith(prefix));
        }

        List<String> stack() {
            return site.topStacks(1).stream().map(WaitSite.WaiterStack::frames).findFirst().orElse(List.of());
        }

        /** Share of the busy workers blocked here. */
        double shareOf(double busyWorkers) {
            return busyWorkers > 0 ? Math.min(1, workersBlocked / busyWorkers) : 0;
        }

        Map<String, Object> evidence(double busyWorkers) {
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("kind", site.kind());
            e.put("resource", site.resource());
            if (site.ownerType() != null) {
                e.put("ownerType", site.ownerType());
            }
            e.put("workersBlockedAverage", Format.round(workersBlocked, 2));
            e.put("shareOfBusyWorkers", Format.round(shareOf(busyWorkers), 3));
            e.put("waitP50Millis", site.percentileMillis(50));
            e.put("stack", stack());
            return e;
        }
    }
}
