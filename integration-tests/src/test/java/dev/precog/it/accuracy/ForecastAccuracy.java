package dev.precog.it.accuracy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.precog.it.harness.ChildJvm;
import dev.precog.it.harness.Cli;
import dev.precog.it.harness.Jdk;
import dev.precog.it.harness.Paths;
import dev.precog.it.harness.Reports;
import dev.precog.it.workload.BatchSawtoothService;
import dev.precog.it.workload.ChurningCacheService;
import dev.precog.it.workload.ClassLoaderLeakingService;
import dev.precog.it.workload.DirectBufferLeakingService;
import dev.precog.it.workload.LeakingSessionService;
import dev.precog.it.workload.NightlyImportService;
import dev.precog.it.workload.OneTimeLoadService;
import dev.precog.it.workload.RateLimitedApiService;
import dev.precog.it.workload.ReportBatchService;
import dev.precog.it.workload.RetryStormService;
import dev.precog.it.workload.ThreadLeakingService;
import dev.precog.it.workload.WarmingCacheService;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The forecast-accuracy command: records every scenario on every test JDK (or takes recordings
 * made before), backtests each recording with {@code precog-agent.jar backtest}, and writes
 * docs/forecast-accuracy.md with the answers beside it in docs/forecast-accuracy.json. Not a test
 * (it measures, it does not assert); run it with {@link #COMMAND}.
 *
 * <p>System properties: {@code precog.backtest.only} (scenario names, comma-separated: rerun only
 * those, keeping the other rows), {@code precog.backtest.recordings} (recordings made before,
 * {@code name=path.jfr} or just {@code path.jfr}, named then after its directory; a name that is a
 * scenario's stands for that scenario's run on the JDK that made it; without {@code only}, only
 * they are backtested and nothing is recorded), {@code
 * precog.backtest.longMinutes} (how long the slow leak runs, default 40; the long healthy run
 * takes half; 0 leaves both out), {@code precog.accuracyReport} (the page to write, its answers
 * beside it: another page keeps a second set of recordings apart), {@code precog.test.jdks} (as
 * for the tests).
 */
public final class ForecastAccuracy {

    static final String COMMAND = "./mvnw -B -Pbacktest -pl integration-tests -am verify -DskipTests";
    static final int DEFAULT_LONG_MINUTES = 40;
    /** Above what the metaspace scenario reaches in its five minutes: the forecast is timed to a level it reached. */
    private static final String METASPACE_LIMIT = "256m";
    static final String DEFAULT_PAGE = "forecast-accuracy.md";
    /** The window of recordings made elsewhere, unless their name is a scenario's. */
    private static final String GIVEN_WINDOW = "10s";
    private static final Duration BACKTEST_TIMEOUT = Duration.ofMinutes(30);

    private ForecastAccuracy() {}

    static List<AccuracyScenario> scenarios(int longMinutes) {
        List<String> g1 = List.of("-XX:+UseG1GC");
        List<AccuracyScenario> list = new ArrayList<>(List.of(
                new AccuracyScenario("linear-session-leak", "leak, LINEAR: every session kept, about 0.7 MB/s",
                        LeakingSessionService.class, with(g1, "-Xmx384m"), List.of("80", "8192"), 300, "5s"),
                new AccuracyScenario("staircase-import-audit", "leak, STAIRCASE: each import's 40,000 records kept, every 20 s",
                        NightlyImportService.class, with(g1, "-Xmx512m", "-Xmn48m"), List.of("20", "40000"), 300, "5s"),
                new AccuracyScenario("exponential-retry-backlog", "leak, EXPONENTIAL: a retry backlog growing 1.9% a second",
                        RetryStormService.class, with(g1, "-Xmx1g"), List.of("2000", "1.9"), 300, "5s"),
                // a low fixed IHOP lets old collections free each batch, so the cycle reaches the live set
                new AccuracyScenario("periodic-report-residue", "leak, PERIODIC: batches swing the heap and leave a residue",
                        ReportBatchService.class, with(g1, "-Xmx512m", "-XX:-G1UseAdaptiveIHOP", "-XX:InitiatingHeapOccupancyPercent=2"),
                        List.of("10", "15000", "6000"), 300, "5s"),
                new AccuracyScenario("flat-churning-cache", "healthy, flat: a bounded cache under heavy churn",
                        ChurningCacheService.class, with(g1, "-Xmx256m"), List.of("400"), 300, "5s"),
                new AccuracyScenario("plateau-warming-cache", "healthy: a cache warms up for 30 s, then flat",
                        WarmingCacheService.class, with(g1, "-Xmx256m"), List.of(), 300, "5s"),
                new AccuracyScenario("sawtooth-batch", "healthy: batches buffered for 15 s and freed, a sawtooth",
                        BatchSawtoothService.class, with(g1, "-Xmx256m"), List.of(), 300, "5s"),
                new AccuracyScenario("step-one-time-load", "healthy: one 60 MB step at 20 s, then flat",
                        OneTimeLoadService.class, with(g1, "-Xmx256m"), List.of(), 300, "5s"),
                // metaspace has a limit, and so a forecast, only with -XX:MaxMetaspaceSize
                new AccuracyScenario("metaspace-template-leak", "leak, metaspace: a class loader per request, kept; -XX:MaxMetaspaceSize",
                        ClassLoaderLeakingService.class, with(g1, "-Xmx256m", "-XX:MaxMetaspaceSize=" + METASPACE_LIMIT),
                        List.of("40"), 300, "5s"),
                new AccuracyScenario("thread-leak-exporter", "leak, threads: a one-thread pool per report request, never shut down;"
                        + " 2 threads a second", ThreadLeakingService.class, with(g1, "-Xmx256m"), List.of("2"), 300, "5s"),
                // the process's resident set is in a recording from JDK 21 on (jdk.ResidentSetSize)
                new AccuracyScenario("native-buffer-leak", "leak, native: a 64 KB direct buffer per connection, kept; about 1.9 MB/s",
                        DirectBufferLeakingService.class, with(g1, "-Xmx128m", "-XX:MaxDirectMemorySize=2g"), List.of(), 300, "5s",
                        21)));
        if (longMinutes > 0) {
            // the healthy one first: run beside the scenarios, as the README says, the slow leak's last
            // minutes (a full heap, then the command's backtest of its recording) then fall after
            // the scenarios have ended instead of on the last of them
            list.add(new AccuracyScenario("healthy-cache-long", "healthy, flat: the bounded cache under churn, recorded long",
                    ChurningCacheService.class, with(g1, "-Xmx256m"), List.of("400"), longMinutes * 30, "10s"));
            list.add(new AccuracyScenario("slow-leak-rate-limiter",
                    String.format(Locale.ROOT, "leak, slow and noisy: client buckets never evicted, reaching about 90%% of the heap in %d min",
                            longMinutes),
                    RateLimitedApiService.class, with(g1, "-Xmx256m"), slowLeakArgs(longMinutes), longMinutes * 60, "10s"));
        }
        return list;
    }

    /**
     * The slow leak's rate for a run of {@code minutes}: 92 KB/s over 40 minutes brings its
     * {@code -Xmx256m} heap past 80% after about 36, and a shorter run gets the same fraction
     * from a higher rate, with enough requests that about a third at most come from new clients.
     */
    static List<String> slowLeakArgs(int minutes) {
        double kbPerSecond = 92.0 * DEFAULT_LONG_MINUTES / minutes;
        long requestsPerSecond = Math.max(300, Math.round(Math.ceil(kbPerSecond * 3)));
        return List.of(String.format(Locale.ROOT, "%.1f", kbPerSecond), Long.toString(requestsPerSecond));
    }

    public static void main(String[] args) throws Exception {
        String pageProperty = System.getProperty("precog.accuracyReport", "");
        Path page = Path.of(pageProperty.isBlank() ? "../docs/" + DEFAULT_PAGE : pageProperty).toAbsolutePath();
        Path json = page.resolveSibling(page.getFileName().toString().replaceFirst("\\.md$", "") + ".json");
        int longMinutes = Integer.parseInt(System.getProperty("precog.backtest.longMinutes", "" + DEFAULT_LONG_MINUTES).trim());
        Map<String, Path> given = recordings(System.getProperty("precog.backtest.recordings", ""));
        Set<String> only = only(names(System.getProperty("precog.backtest.only", "")), given.keySet());
        List<AccuracyScenario> scenarios = scenarios(longMinutes);
        Map<String, AccuracyScenario> byName = new LinkedHashMap<>();
        scenarios.forEach(s -> byName.put(s.name(), s));
        for (String name : only) {
            if (!byName.containsKey(name) && !given.containsKey(name)) {
                throw new IllegalArgumentException("precog.backtest.only names '" + name + "', which is neither a scenario "
                        + byName.keySet() + " nor a given recording " + given.keySet());
            }
        }
        List<Jdk> jdks = Jdk.all();

        Map<String, RecordingFacts> givenFacts = new LinkedHashMap<>();
        for (Map.Entry<String, Path> e : given.entrySet()) {
            System.out.println("[backtest] reading " + e.getValue());
            try {
                givenFacts.put(e.getKey(), RecordingFacts.read(e.getValue()));
            } catch (IOException | RuntimeException ex) {
                throw new IllegalArgumentException("precog.backtest.recordings: " + e.getValue() + " is not a readable JFR recording: "
                        + ex.getMessage(), ex);
            }
        }
        List<RecordingResult> fresh = new ArrayList<>();
        for (Jdk jdk : jdks) {
            for (AccuracyScenario s : scenarios) {
                boolean recordedBefore = givenFacts.containsKey(s.name()) && givenFacts.get(s.name()).jdkName().equals(jdk.name());
                if ((!only.isEmpty() && !only.contains(s.name())) || recordedBefore) {
                    continue;
                }
                if (jdk.feature() < s.minJdk()) {
                    System.out.println("[backtest] " + s.name() + " skipped on " + jdk.name() + ": its series needs JDK " + s.minJdk()
                            + " or later (-Dprecog.test.jdks=<home of one>)");
                    continue;
                }
                System.out.println("[backtest] " + s.name() + " on " + jdk.name() + " (" + s.seconds() + " s)");
                Path dir = Paths.workDir("accuracy-" + s.name() + "-" + jdk.name());
                String note = record(s, jdk, dir);
                fresh.add(backtest(describe(s.name(), s.shape(), dir.resolve("run.jfr"), s.window(), note), jdk, dir));
            }
        }
        for (Map.Entry<String, Path> e : given.entrySet()) {
            String name = e.getKey();
            if (!only.isEmpty() && !only.contains(name)) {
                continue;
            }
            AccuracyScenario s = byName.get(name);
            RecordingFacts facts = givenFacts.get(name);
            Jdk jdk = jdks.stream().filter(j -> j.name().equals(facts.jdkName())).findFirst().orElse(jdks.get(0));
            System.out.println("[backtest] " + name + ": " + e.getValue() + " (made on " + facts.jdkName() + ")");
            Path dir = Paths.workDir("accuracy-" + name + "-given");
            RecordingResult r = describe(name, s == null ? "a recording made elsewhere" : s.shape(), e.getValue(),
                    s == null ? GIVEN_WINDOW : s.window(), "recorded before, given to the command");
            fresh.add(backtest(r, jdk, dir));
        }

        List<String> order = Stream.concat(byName.keySet().stream(), given.keySet().stream()).distinct().toList();
        List<RecordingResult> kept = only.isEmpty() ? List.of() : AccuracyResults.read(json);
        List<RecordingResult> all = AccuracyResults.merge(kept, fresh, order);
        String generatedAt = Instant.now().toString();
        String command = command(only, given, longMinutes, pageProperty);
        Files.createDirectories(page.getParent());
        new AccuracyResults(generatedAt, command, all).write(json);
        Files.writeString(page, AccuracyTable.markdown(all, command, generatedAt, json.getFileName().toString()), StandardCharsets.UTF_8);
        System.out.println("[backtest] written " + page + " and " + json);
    }

    /**
     * The scenarios to run: those named, or with none named but recordings given, just those
     * recordings. Recordings given alone mean "backtest these again": recording every scenario not
     * among them as well (an hour of machine time, and a page mixing old and new sets) must be asked
     * for by naming them.
     */
    static Set<String> only(Set<String> named, Set<String> given) {
        if (named.isEmpty() && !given.isEmpty()) {
            System.out.println("[backtest] only the given recordings are backtested; name scenarios in -Dprecog.backtest.only "
                    + "to record them as well");
            return new LinkedHashSet<>(given);
        }
        return named;
    }

    /** Runs the scenario with the agent and its own recording for its time; what went wrong, or "". */
    private static String record(AccuracyScenario s, Jdk jdk, Path dir) throws InterruptedException {
        List<String> jvmArgs = new ArrayList<>(s.jvmArgs());
        jvmArgs.add("-XX:StartFlightRecording=filename=" + dir.resolve("run.jfr") + ",settings=default,dumponexit=true");
        try (ChildJvm child = ChildJvm.on(jdk, dir).jvmArgs(jvmArgs.toArray(String[]::new))
                .agent("reportDir=" + dir + ",window=" + s.window())
                .start(s.workload(), s.args().toArray(String[]::new))) {
            long started = System.nanoTime();
            long nextProgress = 60;
            while (elapsed(started) < s.seconds() && child.isAlive()) {
                Thread.sleep(1000);
                if (elapsed(started) >= nextProgress) {
                    System.out.println("[backtest]   " + nextProgress / 60 + " of " + (s.seconds() + 59) / 60 + " min");
                    nextProgress += 60;
                }
            }
            boolean early = !child.isAlive();
            double ran = elapsed(started);
            int exit = child.stop();
            return early ? String.format(Locale.ROOT, "the workload exited after %.0f s with code %d", ran, exit) : "";
        }
    }

    /** A result for the recording at {@code jfr}, described from the recording itself, not yet backtested. */
    private static RecordingResult describe(String name, String shape, Path jfr, String window, String note) {
        if (!Files.isRegularFile(jfr)) {
            return new RecordingResult(name, shape, "unknown", "unknown", "", "", jfr.toString(), 0, 0, 0, window,
                    join(note, "no recording was written"), null);
        }
        try {
            RecordingFacts f = RecordingFacts.read(jfr);
            return new RecordingResult(name, shape, f.jdkName(), f.jdkVersion(), RecordingFacts.shortWorkload(f.javaArguments()),
                    RecordingFacts.heapFlags(f.jvmArguments()), jfr.toString(), f.bytes(), f.seconds(), f.garbageCollections(),
                    window, note, null);
        } catch (IOException | RuntimeException e) {
            return new RecordingResult(name, shape, "unknown", "unknown", "", "", jfr.toString(), sizeOf(jfr), 0, 0, window,
                    join(note, "the recording cannot be read: " + e.getMessage()), null);
        }
    }

    /** {@code r} with the backtest's answer, or with why there is none. */
    private static RecordingResult backtest(RecordingResult r, Jdk jdk, Path dir) throws InterruptedException {
        if (r.recordingBytes() == 0) {
            return r;
        }
        Path answer = dir.resolve("backtest.json");
        System.out.println("[backtest]   backtest " + r.recording() + " --window " + r.window());
        try {
            Cli.Result result = Cli.run(jdk, dir, BACKTEST_TIMEOUT, "backtest", r.recording(), "--window", r.window(), "--out",
                    answer.toString());
            if (result.exitCode() != 0) {
                String why = result.stderr().lines().findFirst().orElse("no message");
                return r.withBacktest(null, join(r.note(), "backtest exited " + result.exitCode() + ": " + why));
            }
            JsonNode node = Reports.parse(Files.readString(answer, StandardCharsets.UTF_8));
            r = r.withBacktest(node, r.note());
            r.series().forEach(s -> System.out.println("[backtest]   " + s.metric() + ": point MAPE " + AccuracyTable.percent(s.pointMape())
                    + ", coverage " + AccuracyTable.percent(s.coverage80()) + " / " + AccuracyTable.percent(s.coverage95())
                    + ", TTT MAPE " + AccuracyTable.percent(s.timeToThresholdMape())));
            return r;
        } catch (IOException | AssertionError e) {
            return r.withBacktest(null, join(r.note(), "backtest failed: " + e.getMessage()));
        }
    }

    /**
     * The command line that makes this page, with the properties that were not their defaults;
     * {@code page} is the page's property as given (a page of another name, such as a second set
     * of recordings, is named in the command).
     */
    static String command(Set<String> only, Map<String, Path> given, int longMinutes, String page) {
        StringBuilder c = new StringBuilder(COMMAND);
        if (!only.isEmpty()) {
            c.append(" \\\n  -Dprecog.backtest.only=").append(String.join(",", only));
        }
        if (!given.isEmpty()) {
            List<String> parts = new ArrayList<>();
            given.forEach((name, path) -> parts.add(name + "=" + path));
            c.append(" \\\n  -Dprecog.backtest.recordings=").append(String.join(",", parts));
        }
        if (longMinutes != DEFAULT_LONG_MINUTES) {
            c.append(" \\\n  -Dprecog.backtest.longMinutes=").append(longMinutes);
        }
        if (!page.isBlank() && !Path.of(page).getFileName().toString().equals(DEFAULT_PAGE)) {
            c.append(" \\\n  -Dprecog.accuracyReport=").append(page);
        }
        String jdks = System.getProperty("precog.test.jdks", "auto");
        if (!jdks.equals("auto")) {
            c.append(" \\\n  -Dprecog.test.jdks=").append(jdks);
        }
        return c.toString();
    }

    /** {@code name=path,path,...}: a path without a name is named after its directory. */
    static Map<String, Path> recordings(String property) {
        Map<String, Path> out = new LinkedHashMap<>();
        for (String item : names(property)) {
            int eq = item.indexOf('=');
            Path path = Path.of(eq < 0 ? item : item.substring(eq + 1)).toAbsolutePath().normalize();
            String name = eq < 0 ? (path.getParent() == null ? path.getFileName().toString() : path.getParent().getFileName().toString())
                    : item.substring(0, eq);
            if (!Files.isRegularFile(path)) {
                throw new IllegalArgumentException("precog.backtest.recordings: " + path + " is not a file");
            }
            if (out.put(name, path) != null) {
                throw new IllegalArgumentException("precog.backtest.recordings names '" + name + "' twice: give each a name, name=path");
            }
        }
        return out;
    }

    private static Set<String> names(String property) {
        Set<String> out = new LinkedHashSet<>();
        for (String s : property.split(",")) {
            if (!s.isBlank()) {
                out.add(s.trim());
            }
        }
        return out;
    }

    private static List<String> with(List<String> base, String... more) {
        List<String> out = new ArrayList<>(List.of(more));
        out.addAll(base);
        return out;
    }

    private static String join(String note, String more) {
        return note == null || note.isEmpty() ? more : note + "; " + more;
    }

    private static long sizeOf(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return 0;
        }
    }

    private static double elapsed(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1e9;
    }
}
