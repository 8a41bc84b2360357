package dev.precog.analyzer.detect;

import dev.precog.analyzer.evidence.Deadlock;
import dev.precog.model.Finding;
import dev.precog.model.FindingKind;
import dev.precog.model.Severity;
import dev.precog.model.Suggestion;
import dev.precog.model.Suspect;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * DEADLOCK: threads each waiting for a lock the next one holds, as the JVM itself found them
 * (ThreadMXBean.findDeadlockedThreads live, the thread dumps in a recording offline). Certain,
 * so CRITICAL with full confidence: those threads never run again. One finding per cycle; the
 * classes of the locks in the cycle are the suspects, the application's own types first.
 */
public final class DeadlockDetector implements Detector {

    @Override
    public FindingKind kind() {
        return FindingKind.DEADLOCK;
    }

    @Override
    public List<Finding> detect(AnalysisContext context) {
        List<Finding> out = new ArrayList<>();
        for (Deadlock d : context.evidence().deadlocks()) {
            out.add(finding(d, context));
        }
        return out;
    }

    private Finding finding(Deadlock d, AnalysisContext context) {
        List<String> cycle = d.threads().stream()
                .map(w -> "\"" + w.thread() + "\" waits for " + lock(w.lockClass()) + " held by \"" + w.heldBy() + "\"")
                .toList();
        Map<String, Object> evidence = new LinkedHashMap<>();
        evidence.put("threads", d.threadNames());
        evidence.put("cycle", cycle);
        Map<String, List<String>> stacks = new LinkedHashMap<>();
        d.threads().forEach(w -> stacks.put(w.thread(), w.stackTop()));
        evidence.put("stacks", stacks);
        evidence.put("confidenceReason", "found by the JVM's own deadlock detection: these threads can never proceed");
        String summary = "Deadlock of " + d.threads().size() + " threads: " + String.join("; ", cycle);
        return new Finding(String.join(",", d.threadNames()), kind(), Severity.CRITICAL, 1.0, context.now(), null, summary,
                evidence, suspects(d), suggestions(context, d));
    }

    /** One suspect per lock class, the application's own first, with the stack of a thread waiting for it. */
    private static List<Suspect> suspects(Deadlock d) {
        Map<String, List<Deadlock.Waiter>> byClass = d.threads().stream().filter(w -> w.lockClass() != null)
                .collect(Collectors.groupingBy(Deadlock.Waiter::lockClass, LinkedHashMap::new, Collectors.toList()));
        return byClass.entrySet().stream()
                .sorted((a, b) -> Boolean.compare(JavaTypes.isPlatform(a.getKey()), JavaTypes.isPlatform(b.getKey())))
                .map(e -> {
                    List<Deadlock.Waiter> waiters = e.getValue();
                    String names = waiters.stream().map(w -> "\"" + w.thread() + "\"").collect(Collectors.joining(", "));
                    String detail = (JavaTypes.isPlatform(e.getKey()) ? "JDK lock type" : "application type used as a lock")
                            + "; waited for by " + names;
                    return new Suspect(e.getKey(), "deadlock-cycle", (double) waiters.size() / d.threads().size(),
                            waiters.get(0).stackTop(), detail, (long) waiters.size(), null);
                })
                .toList();
    }

    private static String lock(String lockClass) {
        return lockClass == null ? "a lock" : lockClass;
    }

    private static List<Suggestion> suggestions(AnalysisContext context, Deadlock d) {
        String pid = context.pidOrPlaceholder();
        return List.of(
                new Suggestion("Take a thread dump now, before restarting", "jcmd " + pid + " Thread.print",
                        "It shows the whole cycle with every lock each thread holds; the dump is the evidence a fix needs"),
                new Suggestion("Acquire these locks in one global order (for example by id), or with tryLock and a timeout",
                        null,
                        "Threads " + String.join(", ", d.threadNames()) + " take the same locks in opposite orders;"
                                + " one order everywhere makes a cycle impossible"),
                new Suggestion("Restart the JVM once the dump is taken", null,
                        "Deadlocked threads never proceed, and whatever waits for them (requests, pool slots) piles up"));
    }
}
