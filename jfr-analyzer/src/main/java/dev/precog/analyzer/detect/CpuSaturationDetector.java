package dev.precog.analyzer.detect;

import dev.precog.analyzer.report.Format;
import dev.precog.model.ClassWeight;
import dev.precog.model.Finding;
import dev.precog.model.FindingKind;
import dev.precog.model.Metric;
import dev.precog.model.Severity;
import dev.precog.model.Suggestion;
import dev.precog.model.Suspect;
import dev.precog.model.Window;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.function.Function;

/**
 * CPU_SATURATION: the machine's CPU is busy nearly all the time, and whose doing it is: this JVM's
 * code (named by its hot methods and threads from execution samples), this JVM's garbage collector
 * (pauses take a large share of the time; the allocating classes are the suspects), or a neighbour
 * (this JVM is busy too but holds the lesser share). A saturated machine to which this JVM
 * contributes little is not reported: it is not this service's problem to diagnose.
 */
public final class CpuSaturationDetector implements Detector {

    static final int MIN_WINDOWS = 3;
    static final double MIN_SECONDS = 30;
    /** Machine busy share that counts as saturated, and as fully saturated (CRITICAL). */
    static final double SATURATED = 0.90;
    static final double FULLY_SATURATED = 0.98;
    static final double SUSTAINED = 0.5;
    static final double CRITICAL_SUSTAINED = 0.8;
    /** This JVM's share of the busy time from which it is the cause. */
    static final double OWN_SHARE = 0.5;
    /** Below {@link #OWN_SHARE}, this JVM must still use this share of the machine to be a victim worth a finding. */
    static final double BUSY_VICTIM = 0.25;
    /** Share of wall time in GC pauses from which GC is the cause within this JVM. */
    static final double GC_SHARE = 0.20;
    /** Runnable threads per CPU (running or ready) from which threads clearly queue for a CPU. */
    static final double QUEUEING = 1.5;
    /** Hypervisor steal worth naming. */
    static final double NOTABLE_STEAL = 0.10;
    static final int SHOWN = 5;
    /** A hot method is a suspect from this share of the samples. */
    static final double MIN_SUSPECT_SHARE = 0.05;

    @Override
    public FindingKind kind() {
        return FindingKind.CPU_SATURATION;
    }

    @Override
    public List<Finding> detect(AnalysisContext context) {
        Optional<RecentActivity> found = RecentActivity.of(context.timeline(), MIN_WINDOWS, MIN_SECONDS);
        if (found.isEmpty()) {
            return List.of();
        }
        RecentActivity recent = found.get();
        // shares of the stretch's time: a recording's last window, cut short where it stops, counts for what it lasted
        double saturated = recent.shareOfTimeAtLeast(CpuSaturationDetector::machine, SATURATED);
        if (saturated < SUSTAINED) {
            return List.of();
        }
        double machine = recent.mean(CpuSaturationDetector::machine);
        double jvm = recent.mean(w -> w.value(Metric.CPU_JVM_USER).orElse(0) + w.value(Metric.CPU_JVM_SYSTEM).orElse(0));
        double gcShare = recent.sum(Metric.GC_PAUSE_TOTAL) / (recent.seconds() * 1000);
        double steal = recent.mean(w -> w.value(Metric.HOST_CPU_STEAL).orElse(0));
        double iowait = recent.mean(w -> w.value(Metric.HOST_CPU_IOWAIT).orElse(0));
        OptionalDouble runQueue = recent.mean(Metric.HOST_RUN_QUEUE_PER_CPU);
        String cause;
        if (machine > 0 && jvm / machine >= OWN_SHARE) {
            cause = gcShare >= GC_SHARE ? "gc" : "this-jvm";
        } else if (jvm >= BUSY_VICTIM) {
            cause = "neighbour";
        } else {
            return List.of();
        }
        boolean full = recent.shareOfTimeAtLeast(CpuSaturationDetector::machine, FULLY_SATURATED) >= CRITICAL_SUSTAINED;
        Severity severity = full && !cause.equals("neighbour") ? Severity.CRITICAL : Severity.WARNING;
        // shares are of every sample taken, not of the top entries each window keeps
        double samplesTaken = recent.sum(Metric.CPU_SAMPLES);
        List<Map<String, Object>> methods = hot(recent.windows(), Window::hotMethods, "method", "thread", samplesTaken);
        List<Map<String, Object>> threads = hot(recent.windows(), Window::hotThreads, "thread", "method", samplesTaken);

        Map<String, Object> evidence = new LinkedHashMap<>();
        evidence.put("cause", cause);
        evidence.put("machineCpu", Format.round(machine, 3));
        evidence.put("jvmCpu", Format.round(jvm, 3));
        evidence.put("jvmUserCpu", Format.round(recent.mean(w -> w.value(Metric.CPU_JVM_USER).orElse(0)), 3));
        evidence.put("jvmSystemCpu", Format.round(recent.mean(w -> w.value(Metric.CPU_JVM_SYSTEM).orElse(0)), 3));
        evidence.put("gcPauseShare", Format.round(gcShare, 3));
        evidence.put("iowait", Format.round(iowait, 3));
        evidence.put("steal", Format.round(steal, 3));
        if (runQueue.isPresent()) {
            evidence.put("runQueuePerCpu", Format.round(runQueue.getAsDouble(), 2));
        }
        evidence.put("hotMethods", methods);
        evidence.put("hotThreads", threads);
        evidence.put("confidenceReason", String.format(Locale.ROOT, "the machine was at least %s busy for %s of the last %s (%d windows)",
                Format.percent(SATURATED), Format.percent(saturated), Format.duration(recent.seconds()), recent.windows().size()));

        String who = switch (cause) {
            case "gc" -> String.format(Locale.ROOT, "this JVM uses %s of the machine, and GC pauses take %s of the time",
                    Format.percent(jvm), Format.percent(gcShare));
            case "this-jvm" -> String.format(Locale.ROOT, "this JVM uses %s of the machine%s", Format.percent(jvm),
                    methods.isEmpty() ? "" : ", most in " + methods.get(0).get("method") + " ("
                            + Format.percent((Double) methods.get(0).get("share")) + " of its samples)");
            default -> String.format(Locale.ROOT, "another process uses %s of the machine while this JVM needs %s",
                    Format.percent(Math.max(0, machine - jvm)), Format.percent(jvm));
        };
        String summary = String.format(Locale.ROOT, "CPU saturated: the machine is %s busy over the last %s; %s%s%s",
                Format.percent(machine), Format.duration(recent.seconds()), who,
                runQueue.isPresent() && runQueue.getAsDouble() >= QUEUEING
                        ? String.format(Locale.ROOT, "; %.1f runnable threads per CPU, so threads queue for one",
                                runQueue.getAsDouble()) : "",
                steal >= NOTABLE_STEAL ? "; the hypervisor steals " + Format.percent(steal) : "");
        double confidence = Format.round(Math.min(1, saturated), 2);
        return List.of(new Finding("cpu", kind(), severity, confidence, context.now(), null, summary, evidence,
                suspects(cause, methods, recent), suggestions(cause, methods, context.pidOrPlaceholder())));
    }

    private static double machine(Window w) {
        OptionalDouble jfr = w.value(Metric.CPU_MACHINE);
        return jfr.isPresent() ? jfr.getAsDouble() : w.value(Metric.HOST_CPU).orElse(0);
    }

    /** The heaviest entries of a per-window CPU sample table over the span, with their shares and companions. */
    private static List<Map<String, Object>> hot(List<Window> windows, Function<Window, List<ClassWeight>> table, String name,
            String companion, double samplesTaken) {
        Map<String, Long> samples = new HashMap<>();
        Map<String, Map<String, Long>> companions = new HashMap<>();
        long total = 0;
        for (Window w : windows) {
            for (ClassWeight c : table.apply(w)) {
                samples.merge(c.className(), c.samples(), Long::sum);
                total += c.samples();
                if (c.site() != null) {
                    companions.computeIfAbsent(c.className(), k -> new HashMap<>()).merge(c.site(), c.samples(), Long::sum);
                }
            }
        }
        double all = Math.max(Math.max(1, total), samplesTaken);
        return samples.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .limit(SHOWN)
                .map(e -> {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put(name, e.getKey());
                    m.put("samples", e.getValue());
                    m.put("share", Format.round((double) e.getValue() / all, 3));
                    companions.getOrDefault(e.getKey(), Map.of()).entrySet().stream()
                            .max(Map.Entry.comparingByValue()).ifPresent(c -> m.put(companion, c.getKey()));
                    return m;
                })
                .toList();
    }

    private static List<Suspect> suspects(String cause, List<Map<String, Object>> methods, RecentActivity recent) {
        if (cause.equals("gc")) {
            // the collector runs because something allocates: the allocating classes are what to change
            return AllocationSuspects.rank(recent.windows(), recent.firstEpochSeconds(), SHOWN);
        }
        if (cause.equals("neighbour")) {
            return List.of();
        }
        List<Suspect> out = new ArrayList<>();
        for (Map<String, Object> m : methods) {
            String method = (String) m.get("method");
            int dot = method.lastIndexOf('.');
            String type = dot < 0 ? method : method.substring(0, dot);
            double share = (Double) m.get("share");
            if (JavaTypes.isPlatform(type) || JavaTypes.neverASuspect(type) || share < MIN_SUSPECT_SHARE) {
                continue;
            }
            out.add(new Suspect(type, "execution-samples", share, List.of(method),
                    Format.percent(share) + " of this JVM's CPU samples in " + method
                            + (m.containsKey("thread") ? ", mostly on thread \"" + m.get("thread") + "\"" : ""),
                    null, null));
        }
        return out;
    }

    private static List<Suggestion> suggestions(String cause, List<Map<String, Object>> methods, String pid) {
        List<Suggestion> out = new ArrayList<>();
        switch (cause) {
            case "gc" -> {
                out.add(new Suggestion("Allocate less, or give the heap room", "jcmd " + pid + " GC.heap_info",
                        "The collector's pauses take a large share of the time: fewer short-lived objects in the hot paths,"
                                + " or a larger heap so that collections come less often"));
            }
            case "this-jvm" -> {
                if (!methods.isEmpty()) {
                    out.add(new Suggestion("Make " + methods.get(0).get("method") + " cheaper", null,
                            "It holds " + Format.percent((Double) methods.get(0).get("share")) + " of this JVM's CPU samples: cache its results,"
                                    + " do less per call, or call it less often"));
                }
                out.add(new Suggestion("Profile for a minute to see the full stacks",
                        "jcmd " + pid + " JFR.start settings=profile duration=60s filename=cpu.jfr",
                        "JDK Mission Control's method profiling page, or `jfr print --events jdk.ExecutionSample cpu.jfr`,"
                                + " shows the callers of the hot methods"));
                out.add(new Suggestion("Add CPU or scale out if the work is necessary", null,
                        "A service that needs more CPU than the machine has queues requests whatever the code does"));
            }
            default -> {
                out.add(new Suggestion("Find the neighbour", "top -o %CPU",
                        "Another process takes the CPU this JVM needs; on Kubernetes, check the node's other pods"));
                out.add(new Suggestion("Give this service CPU of its own", null,
                        "A CPU request or quota for this container, or a less crowded host, protects its latency"));
            }
        }
        return out;
    }
}
