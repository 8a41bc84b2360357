package dev.precog.analyzer.detect;

import dev.precog.analyzer.evidence.LockHolders;
import dev.precog.analyzer.report.Format;
import dev.precog.model.Finding;
import dev.precog.model.FindingKind;
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

/**
 * LOCK_CONTENTION: threads spend their time blocked on one lock (a monitor from
 * jdk.JavaMonitorEnter, a java.util.concurrent lock from jdk.ThreadPark). Cost is the time blocked
 * per wall second, that is the number of threads lost to waiting on average, over the last half
 * minute or more; it must hold for most of that time, not in one burst. One finding per lock, costliest
 * first; the holder comes from the agent's ThreadMXBean samples live, from JFR's previous owner
 * offline.
 */
public final class LockContentionDetector implements Detector {

    static final int MIN_WINDOWS = 3;
    static final double MIN_SECONDS = 30;
    /** Threads blocked on average for a WARNING, and for CRITICAL. */
    static final double WARNING_THREADS_BLOCKED = 0.2;
    static final double CRITICAL_THREADS_BLOCKED = 1.0;
    /**
     * Share of the span's time in windows with waits on the lock, each window counting for as long as it lasted:
     * contention, not a burst.
     */
    static final double SUSTAINED = 0.5;
    static final double CRITICAL_SUSTAINED = 0.8;
    /** Waits on the lock that make the verdict fully confident. */
    static final double CONFIDENT_EVENTS = 50;
    static final int MAX_FINDINGS = 5;
    static final int STACKS_SHOWN = 3;

    @Override
    public FindingKind kind() {
        return FindingKind.LOCK_CONTENTION;
    }

    @Override
    public List<Finding> detect(AnalysisContext context) {
        Optional<RecentActivity> found = RecentActivity.of(context.timeline(), MIN_WINDOWS, MIN_SECONDS);
        if (found.isEmpty()) {
            return List.of();
        }
        RecentActivity recent = found.get();
        List<Finding> out = new ArrayList<>();
        for (WaitSummary lock : WaitSummary.over(recent.windows(), WaitSite::isLock)) {
            double blocked = lock.blockedMillis() / 1000 / recent.seconds();
            double sustained = lock.shareOfTimeWithWaits(recent.seconds());
            if (blocked < WARNING_THREADS_BLOCKED || sustained < SUSTAINED || lock.threads().size() < 2) {
                continue;
            }
            Severity severity = blocked >= CRITICAL_THREADS_BLOCKED && sustained >= CRITICAL_SUSTAINED
                    ? Severity.CRITICAL : Severity.WARNING;
            out.add(finding(lock, severity, blocked, sustained, recent, context));
            if (out.size() == MAX_FINDINGS) {
                break;
            }
        }
        return out;
    }

    private Finding finding(WaitSummary lock, Severity severity, double blocked, double sustained, RecentActivity recent,
            AnalysisContext context) {
        double confidence = Format.round(sustained * Math.min(1, lock.events() / CONFIDENT_EVENTS), 2);
        String span = Format.duration(recent.seconds());
        boolean pinned = WaitSite.PINNED.equals(lock.kind());
        String where = lock.ownerType() == null ? "" : (pinned ? " in " : " taken in ") + lock.ownerType();
        String what = pinned ? "Virtual threads block pinned to their carriers (" + lock.resource() + ")"
                : "Threads wait for " + (lock.monitor() ? "monitor " : "lock ") + lock.resource();
        String summary = String.format(Locale.ROOT,
                "%s%s: %.1f threads blocked on average over the last %s (%d threads; waits p50 %s, p99 %s, max %s)",
                what, where, blocked, span, lock.threads().size(),
                millis(lock.percentileMillis(50)), millis(lock.percentileMillis(99)), millis(lock.maxMillis()));

        Map<String, Object> evidence = new LinkedHashMap<>();
        evidence.put("lockClass", lock.resource());
        if (lock.ownerType() != null) {
            evidence.put("ownerType", lock.ownerType()); // a JDK lock taken only by JDK code has none
        }
        evidence.put("lockKind", lock.kind());
        evidence.put("threadsBlockedAverage", Format.round(blocked, 3));
        evidence.put("blockedMillis", Math.round(lock.blockedMillis()));
        evidence.put("spanSeconds", Format.round(recent.seconds(), 1));
        evidence.put("waits", lock.events());
        evidence.put("waitP50Millis", lock.percentileMillis(50));
        evidence.put("waitP99Millis", lock.percentileMillis(99));
        evidence.put("waitMaxMillis", lock.maxMillis());
        evidence.put("threadsAffected", lock.threads().size());
        evidence.put("threads", lock.threads().stream().limit(10).toList());
        List<WaitSite.WaiterStack> stacks = lock.topStacks(STACKS_SHOWN);
        evidence.put("waiterStacks", stacks.stream().map(s -> Map.of("frames", s.frames(), "waits", s.events(),
                "blockedMillis", Math.round(s.blockedMillis()))).toList());
        List<LockHolders.HolderStack> holders = context.evidence().lockHolders().stacks().getOrDefault(lock.resource(), List.of());
        if (!holders.isEmpty()) {
            int samples = context.evidence().lockHolders().samples().getOrDefault(lock.resource(), 0);
            evidence.put("holderStack", holders.get(0).frames());
            evidence.put("holderThread", holders.get(0).thread());
            evidence.put("holderSource", String.format(Locale.ROOT,
                    "ThreadMXBean lock owner: this stack in %d of %d samples", holders.get(0).count(), samples));
        } else if (!lock.previousOwners(3).isEmpty()) {
            evidence.put("previousOwners", lock.previousOwners(3));
            evidence.put("holderSource", "JFR's previous owner of the monitor (the holder's stack is sampled only live)");
        }
        evidence.put("confidenceReason", String.format(Locale.ROOT,
                "waits for %s of the last %s (%d of %d windows), %d waits of at least 10 ms", Format.percent(sustained),
                Format.duration(recent.seconds()), lock.windowsWithWaits(), recent.windows().size(), lock.events()));

        return new Finding("lock:" + lock.resource() + (lock.ownerType() == null ? "" : " in " + lock.ownerType()), kind(), severity, confidence, context.now(), null, summary, evidence,
                suspects(lock, stacks, span), LockContentionAdvice.suggestions(lock, blocked, holders, context.pidOrPlaceholder()));
    }

    /** The application type whose code takes the lock first; the lock's own class beneath it when it differs. */
    private static List<Suspect> suspects(WaitSummary lock, List<WaitSite.WaiterStack> stacks, String span) {
        List<String> top = stacks.isEmpty() ? List.of() : stacks.get(0).frames();
        String cost = String.format(Locale.ROOT, "%,d waits, %s blocked in %s", lock.events(),
                Format.duration(lock.blockedMillis() / 1000), span);
        List<Suspect> out = new ArrayList<>();
        boolean pinned = WaitSite.PINNED.equals(lock.kind());
        if (lock.ownerType() != null) {
            String detail = pinned ? "its code blocks virtual threads pinned to their carriers (" + lock.resource() + "); " + cost
                    : lock.ownerType().equals(lock.resource()) ? "application type used as the monitor; " + cost
                    : "its code takes " + lock.resource() + "; " + cost;
            out.add(new Suspect(lock.ownerType(), "lock-waits", 1.0, top, detail, null, null));
        }
        // a pin's reason is no class; a lock's class is, beneath the code that takes it
        if (!pinned && !lock.resource().equals(lock.ownerType())) {
            out.add(new Suspect(lock.resource(), "lock-waits", lock.ownerType() == null ? 1.0 : null, top,
                    (JavaTypes.isPlatform(lock.resource()) ? "JDK lock type" : "application lock type") + "; " + cost,
                    null, null));
        }
        return out;
    }

    private static String millis(double ms) {
        return ms >= 1000 ? Format.duration(ms / 1000) : String.format(Locale.ROOT, "%.0f ms", ms);
    }
}
