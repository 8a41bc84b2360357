package dev.precog.it.overhead;

import dev.precog.it.harness.Jdk;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * All the runs on one JDK, interleaved: every round runs its share of start-up probes, then each
 * workload once per variant, the variants in a new random order each time, so that the shared
 * machine's slow and fast spells fall on all of them alike.
 */
final class BenchCampaign {

    private final Jdk jdk;
    private final BenchSettings settings;
    private final List<BenchWorkload> workloads;

    BenchCampaign(Jdk jdk, BenchSettings settings) {
        this.jdk = jdk;
        this.settings = settings;
        this.workloads = BenchWorkload.chosen(settings);
    }

    JdkResults run(String command) throws InterruptedException {
        String startedAt = Instant.now().toString();
        MachineConditions machine = MachineConditions.atStart();
        Random order = new Random(settings.seed() + jdk.feature());
        int startupPerRound = (settings.startupRuns() + settings.rounds() - 1) / settings.rounds();
        List<BenchRun> runs = new ArrayList<>();
        List<StartupRun> startups = new ArrayList<>();
        for (int round = 1; round <= settings.rounds(); round++) {
            for (int i = 0; i < startupPerRound && startups.size() < settings.startupRuns() * Variant.measured().size(); i++) {
                for (Variant v : shuffled(order)) {
                    startups.add(StartupTimer.run(jdk, v, round, i + 1));
                }
            }
            log("round %d of %d: %d start-up probes so far, load %.1f", round, settings.rounds(), startups.size(),
                    MachineConditions.loadAverage());
            for (BenchWorkload w : workloads) {
                List<Variant> variants = shuffled(order);
                for (int p = 0; p < variants.size(); p++) {
                    BenchRun r = WorkloadRunner.run(jdk, w, variants.get(p), round, p + 1);
                    log("  %s %-6s %s", w.name(), r.variant(), r.ok()
                            ? String.format(Locale.ROOT, "%.2f %s/s, %.3f CPU ms per unit, RSS %d MB", r.throughput(), w.unit(),
                                    r.cpuMillisPerUnit(), r.rssBytes() >> 20)
                            : "FAILED: " + r.note());
                    runs.add(r);
                }
            }
        }
        List<String> descriptions = workloads.stream().map(w -> w.name() + ": " + w.description()).toList();
        return new JdkResults(jdk.name(), javaVersion(), startedAt, Instant.now().toString(), command, settings, descriptions,
                machine.atEnd(), runs, startups);
    }

    private static List<Variant> shuffled(Random random) {
        List<Variant> variants = new ArrayList<>(Variant.measured());
        Collections.shuffle(variants, random);
        return variants;
    }

    /** The JDK's full version and vendor, from its release file. */
    private String javaVersion() {
        try {
            java.util.Map<String, String> release = new java.util.HashMap<>();
            for (String line : java.nio.file.Files.readAllLines(jdk.home().resolve("release"))) {
                int eq = line.indexOf('=');
                if (eq > 0) {
                    release.put(line.substring(0, eq), line.substring(eq + 1).replace("\"", ""));
                }
            }
            return release.getOrDefault("JAVA_RUNTIME_VERSION", release.getOrDefault("JAVA_VERSION", jdk.name()))
                    + " (" + release.getOrDefault("IMPLEMENTOR", "unknown vendor") + ")";
        } catch (java.io.IOException e) {
            return jdk.name();
        }
    }

    private void log(String format, Object... args) {
        System.out.println("[bench " + jdk.name() + "] " + String.format(Locale.ROOT, format, args));
    }
}
