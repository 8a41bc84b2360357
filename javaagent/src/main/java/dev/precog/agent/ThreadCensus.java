package dev.precog.agent;

import dev.precog.analyzer.evidence.Census;
import dev.precog.analyzer.evidence.CensusDiff;
import dev.precog.analyzer.evidence.ThreadNames;
import dev.precog.model.Finding;
import dev.precog.model.FindingKind;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Evidence escalation for thread leaks: the names of this JVM's live threads by pattern, taken
 * twice some time apart once a THREAD_LEAK is reported, so the pool or factory that grows is
 * named. Names only, no stacks: HotSpot reads them without stopping the application.
 */
final class ThreadCensus {

    static final Duration REFRESH = Duration.ofMinutes(10);
    /** Cheap, but a JVM with a hundred thousand threads makes each census walk them all. */
    static final int MAX_PER_HOUR = 12;

    private ThreadCensus() {}

    /** @param window the agent's window: the two censuses are at least three windows (and 30 s) apart */
    static TwoPointSampler<Census, CensusDiff> sampler(Duration window, AgentLog log) {
        return new TwoPointSampler<>("thread census", TwoPointSampler.spacingFor(window), REFRESH, MAX_PER_HOUR,
                ThreadCensus::take, CensusDiff::between, log);
    }

    /** Whether {@code findings} call for a census. */
    static boolean wanted(List<Finding> findings) {
        return findings.stream().anyMatch(f -> f.kind() == FindingKind.THREAD_LEAK);
    }

    static Census take() {
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        // maxDepth 0: no stack is walked, so no safepoint is needed
        ThreadInfo[] infos = mx.getThreadInfo(mx.getAllThreadIds(), 0);
        List<String> names = new ArrayList<>(infos.length);
        for (ThreadInfo info : infos) {
            if (info != null) { // null: the thread ended between the two calls
                names.add(info.getThreadName());
            }
        }
        return ThreadNames.census(Instant.now(), names);
    }
}
