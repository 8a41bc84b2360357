package dev.precog.it.quality;

import dev.precog.it.harness.Jdk;
import dev.precog.it.workload.AllocationHeavyService;
import dev.precog.it.workload.BatchSawtoothService;
import dev.precog.it.workload.ChurningCacheService;
import dev.precog.it.workload.ClassLoaderLeakingService;
import dev.precog.it.workload.DeadlockingBankService;
import dev.precog.it.workload.DirectBufferLeakingService;
import dev.precog.it.workload.GcThrashingService;
import dev.precog.it.workload.InventoryReservationService;
import dev.precog.it.workload.LeakingSessionService;
import dev.precog.it.workload.NightlyImportService;
import dev.precog.it.workload.OneTimeLoadService;
import dev.precog.it.workload.PriceBookService;
import dev.precog.it.workload.QuoteAggregatorService;
import dev.precog.it.workload.ReportBatchService;
import dev.precog.it.workload.ReportRenderingService;
import dev.precog.it.workload.RetryStormService;
import dev.precog.it.workload.ThreadLeakingService;
import dev.precog.it.workload.ThumbnailService;
import dev.precog.it.workload.WarmingCacheService;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The detection-quality command: runs every scenario on every test JDK and writes the table to
 * docs/detection-quality.md. Not a test (it measures, it does not assert); run it with
 * {@code ./mvnw -B -Pquality -pl integration-tests -am verify -DskipTests}.
 */
public final class DetectionQuality {

    static final String COMMAND = "./mvnw -B -Pquality -pl integration-tests -am verify -DskipTests";

    private DetectionQuality() {}

    static List<Scenario> scenarios() {
        String ws = "dev.precog.it.workload.";
        return List.of(
                new Scenario("leaking-session-service", LeakingSessionService.class, List.of("-Xmx384m", "-XX:+UseG1GC"),
                        List.of("250", "8192"), "MEMORY_LEAK", "LINEAR", ws + "LeakingSessionService$UserSession",
                        Set.of("GC_PRESSURE", "ALLOCATION_PRESSURE"), 180),
                new Scenario("import-keeping-its-batches", NightlyImportService.class,
                        List.of("-Xmx512m", "-Xmn48m", "-XX:+UseG1GC"), List.of("10", "20000"), "MEMORY_LEAK", "STAIRCASE",
                        ws + "NightlyImportService$ImportedRecord", Set.of("GC_PRESSURE", "ALLOCATION_PRESSURE"), 120),
                new Scenario("retry-storm-backlog", RetryStormService.class, List.of("-Xmx1g", "-XX:+UseG1GC"),
                        List.of("2000", "4"), "MEMORY_LEAK", "EXPONENTIAL", ws + "RetryStormService$PendingDelivery",
                        Set.of("GC_PRESSURE", "ALLOCATION_PRESSURE"), 120),
                new Scenario("report-batches-keeping-summaries", ReportBatchService.class,
                        // a low fixed IHOP lets old collections free each batch, so the cycle reaches the live set
                        List.of("-Xmx512m", "-XX:+UseG1GC", "-XX:-G1UseAdaptiveIHOP", "-XX:InitiatingHeapOccupancyPercent=2"),
                        List.of("10", "15000", "6000"), "MEMORY_LEAK",
                        "PERIODIC", ws + "ReportBatchService$ArchivedSummary", Set.of("GC_PRESSURE", "ALLOCATION_PRESSURE"),
                        150),
                new Scenario("report-exporter-thread-leak", ThreadLeakingService.class, List.of("-Xmx128m"), List.of("2"),
                        "THREAD_LEAK", "LINEAR", "report-exporter-N", Set.of(), 120),
                new Scenario("template-class-loader-leak", ClassLoaderLeakingService.class, List.of("-Xmx128m", "-XX:+UseG1GC"),
                        // the leaked loaders and their classes' mirrors live in the heap too: a heap leak is fair
                        List.of("40"), "METASPACE_LEAK", "LINEAR", ws + "ClassLoaderLeakingService$TemplateClassLoader",
                        Set.of("MEMORY_LEAK"), 120),
                new Scenario("direct-buffer-leak", DirectBufferLeakingService.class,
                        List.of("-Xmx128m", "-XX:MaxDirectMemorySize=2g", "-XX:+UseG1GC"), List.of(), "NATIVE_MEMORY_GROWTH",
                        null, "java.nio.DirectByteBuffer", Set.of(), 120),
                new Scenario("gc-thrashing-cache", GcThrashingService.class, List.of("-Xmx96m", "-XX:+UseG1GC"), List.of(),
                        "GC_PRESSURE", null, null, Set.of("ALLOCATION_PRESSURE", "CPU_SATURATION"), 60),
                new Scenario("allocating-decoder", AllocationHeavyService.class, List.of("-Xmx128m", "-XX:+UseG1GC"), List.of(),
                        "ALLOCATION_PRESSURE", null, ws + "AllocationHeavyService$PriceTick", Set.of("GC_PRESSURE", "CPU_SATURATION"),
                        60),
                new Scenario("deadlocking-bank-transfers", DeadlockingBankService.class, List.of("-Xmx128m"), List.of("5"),
                        "DEADLOCK", null, ws + "DeadlockingBankService$Account", Set.of(), 45),
                new Scenario("ledger-monitor-contention", InventoryReservationService.class, List.of("-Xmx128m"),
                        List.of("6", "5000", "0"), "LOCK_CONTENTION", null, ws + "InventoryReservationService$StockLedger",
                        // the critical section computes: six threads on it keep the cores busy
                        Set.of("CPU_SATURATION"), 60),
                new Scenario("price-book-lock-contention", PriceBookService.class, List.of("-Xmx128m"),
                        List.of("6", "5000", "0"), "LOCK_CONTENTION", null, ws + "PriceBookService$PriceBook",
                        Set.of("CPU_SATURATION"), 60),
                new Scenario("report-rendering-cpu-burn", ReportRenderingService.class, List.of("-Xmx128m"),
                        List.of(String.valueOf(2 * Runtime.getRuntime().availableProcessors())), "CPU_SATURATION", null,
                        ws + "ReportRenderingService$ReportRenderer", Set.of(), 60),
                new Scenario("slow-pricing-backend-io", QuoteAggregatorService.class, List.of("-Xmx128m"), List.of("4", "30"),
                        "IO_BOUND", null, ws + "QuoteAggregatorService$PricingClient", Set.of(), 60),
                new Scenario("thumbnail-pool-starvation", ThumbnailService.class, List.of("-Xmx128m"),
                        List.of("2", "16", "25", "100"), "THREAD_STARVATION", null, ws + "ThumbnailService$ThumbnailJob",
                        Set.of("IO_BOUND"), 60),
                Scenario.trap("trap-churning-bounded-cache", ChurningCacheService.class, List.of("-Xmx256m", "-XX:+UseG1GC"),
                        List.of("400"), 90),
                Scenario.trap("trap-warm-up-plateau", WarmingCacheService.class, List.of("-Xmx256m", "-XX:+UseG1GC"), List.of(),
                        90),
                Scenario.trap("trap-batch-sawtooth", BatchSawtoothService.class, List.of("-Xmx256m", "-XX:+UseG1GC"), List.of(),
                        90),
                Scenario.trap("trap-one-time-load", OneTimeLoadService.class, List.of("-Xmx256m", "-XX:+UseG1GC"), List.of(),
                        90),
                Scenario.trap("trap-ledger-held-briefly", InventoryReservationService.class, List.of("-Xmx128m"),
                        List.of("4", "50", "20"), 60),
                Scenario.trap("trap-thumbnail-pool-with-room", ThumbnailService.class, List.of("-Xmx128m"),
                        List.of("4", "4", "5", "40"), 60));
    }

    public static void main(String[] args) throws Exception {
        Path out = Path.of(System.getProperty("precog.qualityReport", "../docs/detection-quality.md")).toAbsolutePath();
        // -Dprecog.quality.only=name,name reruns a subset: their rows are replaced, the others kept
        Set<String> only = Set.of(System.getProperty("precog.quality.only", "").split(","));
        boolean subset = !only.equals(Set.of(""));
        List<Scenario> scenarios = scenarios();
        Map<String, String> rows = subset && Files.exists(out) ? keptRows(Files.readString(out), scenarios) : new HashMap<>();
        for (Jdk jdk : Jdk.all()) {
            for (Scenario s : scenarios) {
                if (subset && !only.contains(s.name())) {
                    continue;
                }
                System.out.println("[quality] " + s.name() + " on " + jdk.name() + " (" + s.seconds() + " s)");
                ScenarioResult r = new ScenarioRun(s, jdk).run();
                System.out.println("[quality]   detected after " + r.detectedAfterSeconds() + " s, pattern " + r.pattern()
                        + ", suspect " + r.suspect()
                        + ", false alarms " + r.falseAlarms() + ", offline " + r.offlineDetected());
                rows.put(s.name() + "|" + jdk.name(), QualityTable.row(r));
            }
        }
        List<String> names = scenarios.stream().map(Scenario::name).toList();
        List<String> ordered = rows.entrySet().stream()
                .sorted(Comparator.comparing((Map.Entry<String, String> e) -> names.indexOf(e.getKey().split("\\|")[0]))
                        .thenComparing(Map.Entry::getKey))
                .map(Map.Entry::getValue)
                .toList();
        Files.createDirectories(out.getParent());
        Files.writeString(out, QualityTable.markdown(ordered, COMMAND), StandardCharsets.UTF_8);
        System.out.println("[quality] written " + out);
    }

    /** The rows of an existing table, keyed by scenario and JDK, for scenarios that still exist. */
    private static Map<String, String> keptRows(String page, List<Scenario> scenarios) {
        Set<String> known = new HashSet<>(scenarios.stream().map(Scenario::name).toList());
        Map<String, String> rows = new HashMap<>();
        for (String line : page.split("\\R")) {
            String[] cells = line.split("\\|");
            if (cells.length > 3 && known.contains(cells[1].trim())) {
                rows.put(cells[1].trim() + "|" + cells[2].trim(), line + "\n");
            }
        }
        return rows;
    }
}
