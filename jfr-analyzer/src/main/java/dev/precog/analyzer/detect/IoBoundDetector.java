package dev.precog.analyzer.detect;

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
 * IO_BOUND: the application's threads spend their time blocked in socket or file reads and writes
 * (jdk.SocketRead, jdk.SocketWrite, jdk.FileRead, jdk.FileWrite of 10 ms or more, with an
 * application frame on the stack). Cost is the time blocked per wall second over the last half
 * minute or more, sustained over most of that time; the endpoints and paths are ranked by it, each with
 * the code that waits for it.
 */
public final class IoBoundDetector implements Detector {

    static final int MIN_WINDOWS = 3;
    static final double MIN_SECONDS = 30;
    /** Threads blocked in I/O on average for a WARNING, and for CRITICAL. */
    static final double WARNING_THREADS_BLOCKED = 0.5;
    static final double CRITICAL_THREADS_BLOCKED = 2.0;
    /**
     * Share of the span's time in windows with I/O waits, each window counting for as long as it lasted: a steady
     * state, not a burst.
     */
    static final double SUSTAINED = 0.5;
    static final double CRITICAL_SUSTAINED = 0.8;
    static final double CONFIDENT_EVENTS = 50;
    static final int SITES_SHOWN = 5;

    @Override
    public FindingKind kind() {
        return FindingKind.IO_BOUND;
    }

    @Override
    public List<Finding> detect(AnalysisContext context) {
        Optional<RecentActivity> found = RecentActivity.of(context.timeline(), MIN_WINDOWS, MIN_SECONDS);
        if (found.isEmpty()) {
            return List.of();
        }
        RecentActivity recent = found.get();
        List<WaitSummary> sites = WaitSummary.over(recent.windows(), site -> !site.isLock());
        if (sites.isEmpty()) {
            return List.of();
        }
        double blocked = sites.stream().mapToDouble(WaitSummary::blockedMillis).sum() / 1000 / recent.seconds();
        // steadiness of the costliest site: a trickle of slow log writes elsewhere does not make it steady
        double sustained = sites.get(0).shareOfTimeWithWaits(recent.seconds());
        long threads = sites.stream().flatMap(s -> s.threads().stream()).distinct().count();
        if (blocked < WARNING_THREADS_BLOCKED || sustained < SUSTAINED || threads < 2) {
            return List.of();
        }
        Severity severity = blocked >= CRITICAL_THREADS_BLOCKED && sustained >= CRITICAL_SUSTAINED
                ? Severity.CRITICAL : Severity.WARNING;
        long events = sites.stream().mapToLong(WaitSummary::events).sum();
        double confidence = Format.round(sustained * Math.min(1, events / CONFIDENT_EVENTS), 2);
        WaitSummary top = sites.get(0);
        double topBlocked = top.blockedMillis() / 1000 / recent.seconds();
        String span = Format.duration(recent.seconds());
        String summary = String.format(Locale.ROOT,
                "Threads spend their time in I/O: %.1f threads blocked on average over the last %s (%d threads), most in"
                        + " %s %s (%.1f threads, waits p50 %.0f ms)%s",
                blocked, span, threads, top.kind(), top.resource(), topBlocked, top.percentileMillis(50),
                top.ownerType() == null ? "" : " from " + top.ownerType());

        Map<String, Object> evidence = new LinkedHashMap<>();
        evidence.put("threadsBlockedAverage", Format.round(blocked, 3));
        evidence.put("threadsAffected", threads);
        evidence.put("spanSeconds", Format.round(recent.seconds(), 1));
        evidence.put("waits", events);
        List<Map<String, Object>> shown = new ArrayList<>();
        for (WaitSummary s : sites.subList(0, Math.min(SITES_SHOWN, sites.size()))) {
            Map<String, Object> site = new LinkedHashMap<>();
            site.put("kind", s.kind());
            site.put("resource", s.resource());
            if (s.ownerType() != null) {
                site.put("ownerType", s.ownerType());
            }
            site.put("threadsBlockedAverage", Format.round(s.blockedMillis() / 1000 / recent.seconds(), 3));
            site.put("waits", s.events());
            site.put("bytes", s.bytes());
            site.put("waitP50Millis", s.percentileMillis(50));
            site.put("waitP99Millis", s.percentileMillis(99));
            site.put("waitMaxMillis", s.maxMillis());
            site.put("threads", s.threads().size());
            site.put("stack", s.topStacks(1).stream().map(WaitSite.WaiterStack::frames).findFirst().orElse(List.of()));
            shown.add(site);
        }
        evidence.put("sites", shown);
        evidence.put("confidenceReason", String.format(Locale.ROOT,
                "waits on %s for %s of the last %s (%d of %d windows), %d I/O waits of at least 10 ms (idle reads that"
                        + " timed out or read nothing, and live a server's reads waiting for its clients, left out)",
                sites.get(0).resource(), Format.percent(sustained), span, sites.get(0).windowsWithWaits(), recent.windows().size(),
                events));
        return List.of(new Finding("io", kind(), severity, confidence, context.now(), null, summary, evidence,
                suspects(sites, recent.seconds()), suggestions(top, context.pidOrPlaceholder())));
    }

    /** One suspect per site, the application class that waits for it, costliest first. */
    private static List<Suspect> suspects(List<WaitSummary> sites, double seconds) {
        List<Suspect> out = new ArrayList<>();
        double total = sites.stream().mapToDouble(WaitSummary::blockedMillis).sum();
        for (WaitSummary s : sites.subList(0, Math.min(SITES_SHOWN, sites.size()))) {
            if (s.ownerType() == null) {
                continue;
            }
            String detail = String.format(Locale.ROOT, "waits on %s %s: %,d waits (p50 %.0f ms, p99 %.0f ms), %.1f threads blocked"
                    + " on average, %s moved", s.kind(), s.resource(), s.events(), s.percentileMillis(50), s.percentileMillis(99),
                    s.blockedMillis() / 1000 / seconds, Format.bytes(s.bytes()));
            out.add(new Suspect(s.ownerType(), "io-waits", Format.round(s.blockedMillis() / total, 4),
                    s.topStacks(1).stream().map(WaitSite.WaiterStack::frames).findFirst().orElse(List.of()), detail, null, null));
        }
        return out;
    }

    private static List<Suggestion> suggestions(WaitSummary top, String pid) {
        List<Suggestion> out = new ArrayList<>();
        boolean socket = top.kind().startsWith("socket");
        String where = top.ownerType() == null ? "" : " in " + top.ownerType();
        if (socket) {
            out.add(new Suggestion("Find out why " + top.resource() + " answers slowly", null, String.format(Locale.ROOT,
                    "Calls wait %.0f ms at the median and %.0f ms at p99 for it: its own latency is this service's latency",
                    top.percentileMillis(50), top.percentileMillis(99))));
            out.add(new Suggestion("Stop waiting for it serially" + where, null,
                    "Cache its answers, batch requests, or issue independent calls in parallel or asynchronously;"
                            + " and give every call a timeout so a slow endpoint cannot hold threads indefinitely"));
            out.add(new Suggestion("Size threads and connection pools for its latency", null,
                    "Threads blocked in I/O still hold their pool slot: throughput is at most threads / latency"));
        } else {
            out.add(new Suggestion("Take file I/O off the request path" + where, null,
                    "Buffer and write asynchronously, read once and cache; a slow disk shows as long file waits"));
            out.add(new Suggestion("Check the disk", "iostat -x 1",
                    "High await or utilisation on the device holding " + top.resource() + " explains the waits"));
        }
        out.add(new Suggestion("See the waiting threads", "jcmd " + pid + " Thread.print",
                "Threads RUNNABLE in socketRead/read frames are the ones waiting for I/O"));
        return out;
    }
}
