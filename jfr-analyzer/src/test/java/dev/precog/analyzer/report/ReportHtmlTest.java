package dev.precog.analyzer.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.precog.model.AgentStats;
import dev.precog.model.Finding;
import dev.precog.model.FindingKind;
import dev.precog.model.Forecast;
import dev.precog.model.ForecastPoint;
import dev.precog.model.HeapDumpSuggestion;
import dev.precog.model.JvmInfo;
import dev.precog.model.Report;
import dev.precog.model.Severity;
import dev.precog.model.Suggestion;
import dev.precog.model.Suspect;
import dev.precog.model.Unit;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The HTML page an operator opens: what it shows of a report, and that the application's text stays text. */
class ReportHtmlTest {

    private static final Instant NOW = Instant.parse("2026-12-05T10:00:00Z");

    private static Finding finding(Severity severity, String id, String summary, Map<String, Object> evidence, List<Suspect> suspects) {
        return new Finding(id, FindingKind.MEMORY_LEAK, severity, 0.9, NOW.minusSeconds(120), NOW, "LINEAR", summary, evidence, suspects,
                List.of(new Suggestion("Take a heap dump", "jcmd 4242 GC.heap_dump /tmp/precog-heap-4242.hprof", "before it runs out")));
    }

    private static Forecast heapForecast() {
        return heapForecast(null);
    }

    private static Forecast heapForecast(String historyNote) {
        List<ForecastPoint> points = List.of(
                new ForecastPoint(NOW.plusSeconds(60), 220e6, 200e6, 240e6, 210e6, 230e6),
                new ForecastPoint(NOW.plusSeconds(120), 260e6, 230e6, 290e6, 245e6, 275e6));
        return new Forecast("forecast:heap.usedAfterGc", "heap.usedAfterGc", Unit.BYTES, "theil-sen-linear", Forecast.RISING, 268435456,
                "max heap (-Xmx)", 180e6, 0.66e6, 0.95, 133.0, 120.0, 150.0, NOW.minusSeconds(60), 600, 5, 40,
                List.of(new Forecast.ModelScore("theil-sen-linear", 1e6, 200, true)), points, null, historyNote);
    }

    private static Report report(List<Finding> findings, List<Forecast> forecasts, HeapDumpSuggestion dump) {
        return new Report(Report.SCHEMA_VERSION, NOW, new JvmInfo(4242L, "com.shop.Main", "17.0.15", 268435456L, "G1"), null,
                new Report.Analysis("live", NOW.minusSeconds(300), NOW, 30, 10, List.of()), findings, forecasts, dump,
                new AgentStats("1.0", "startup", 300_000, 1200, 0.002, 0.004, 5_000_000, 12_000, 0, 30, "procfs"));
    }

    @Test
    void aLeakReportShowsTheFindingItsCulpritTheCommandAndTheForecastChart() {
        Suspect culprit = new Suspect("com.shop.SessionStore$UserSession", "class-histogram-diff", 0.81,
                List.of("com.shop.SessionStore.login(SessionStore.java:42)"), null, 120_000L, 48_000_000L);
        Map<String, Object> evidence = new LinkedHashMap<>();
        evidence.put("growthBytesPerMinute", 40_000_000L);
        evidence.put("floors", new double[] {1.5e8, 1.6e8});
        evidence.put("share", 0.123456789);
        // as async-profiler evidence holds it: a map under "profile"
        evidence.put("profile", Map.of("mode", "alloc", "flameGraph", "/var/log/precog/precog-profile-4242-memory-leak-heap.html"));
        Report report = report(List.of(
                finding(Severity.WARNING, "gc-pressure", "GC busy", Map.of(), List.of()),
                finding(Severity.CRITICAL, "memory-leak:heap", "Heap live set grows 40 MB/min", evidence, List.of(culprit))),
                List.of(heapForecast()), null);

        String html = ReportHtml.toHtml(report);

        assertThat(html).startsWith("<!DOCTYPE html>").endsWith("</html>\n");
        assertThat(html).contains("com.shop.SessionStore$UserSession", "class-histogram-diff", "81%", "45.8 MB (120000 instances)",
                "com.shop.SessionStore.login(SessionStore.java:42)", "jcmd 4242 GC.heap_dump /tmp/precog-heap-4242.hprof");
        assertThat(html).contains("<td>0.123457</td>");
        assertThat(html.indexOf("Heap live set grows")).as("the critical finding first").isLessThan(html.indexOf("GC busy"));
        assertThat(html).contains("<li>150000000</li><li>160000000</li>");
        assertThat(html).as("the flame graph, written beside the page, by its file name")
                .contains("<a href=\"precog-profile-4242-memory-leak-heap.html\">/var/log/precog/precog-profile-4242-memory-leak-heap.html</a>");
        // the forecast's row: now, threshold, when and the bands drawn
        assertThat(html).contains("171.7 MB", "256.0 MB", "2m13s (95%: 2m00s to 2m30s)", "theil-sen-linear");
        assertThat(html).contains("<polygon class=\"band95\"", "<polygon class=\"band80\"", "<polyline class=\"point\"",
                "<line class=\"threshold\"");
    }

    @Test
    void aFindingHeldThroughAShortAbsenceSaysSinceWhenItWasNotFound() {
        Finding found = finding(Severity.WARNING, "memory-leak:heap", "Heap live set grows 40 MB/min", Map.of(), List.of());
        Finding held = new Finding("thread-leak:exporter", FindingKind.THREAD_LEAK, Severity.WARNING, 0.8, NOW.minusSeconds(300),
                NOW.minusSeconds(40), null, "Threads named exporter-* grow", Map.of(), List.of(), List.of());

        String html = ReportHtml.toHtml(report(List.of(found, held), List.of(), null));

        String heldCard = html.substring(html.indexOf("id=\"thread-leak:exporter\""));
        assertThat(heldCard).contains("held: not found since " + NOW.minusSeconds(40) + ", shown as it was then");
        assertThat(html.substring(html.indexOf("id=\"memory-leak:heap\""), html.indexOf("id=\"thread-leak:exporter\"")))
                .as("a finding found at the analysed moment is not held").doesNotContain("held:");
    }

    @Test
    void theChartsBandsHoldThePointForecastAndTheThresholdLineSitsAboveThem() {
        String svg = ForecastChart.svg(heapForecast(), NOW);
        double[] line = ys(svg, "polyline class=\"point\" points=\"([^\"]+)\"");
        double[] band = ys(svg, "polygon class=\"band95\" points=\"([^\"]+)\"");
        Matcher threshold = Pattern.compile("line class=\"threshold\" x1=\"[^\"]+\" y1=\"([^\"]+)\"").matcher(svg);
        assertThat(threshold.find()).isTrue();
        double thresholdY = Double.parseDouble(threshold.group(1));
        // SVG's y grows downwards: the rising forecast's last point is higher up than its first
        assertThat(line[line.length - 1]).isLessThan(line[0]);
        for (double y : line) {
            assertThat(y).isBetween(min(band), max(band)).isGreaterThanOrEqualTo(0).isLessThanOrEqualTo(ForecastChart.HEIGHT);
        }
        // 268 MB lies between the last point's 95% bounds (230-290 MB), so the line cuts the band
        assertThat(thresholdY).isBetween(min(band), max(band));
    }

    @Test
    void anOfflineReportsChartStartsAtTheRecordingsEndNotAtTheTimeOfTheAnalysis() {
        Report live = report(List.of(), List.of(heapForecast()), null);
        // analysed an hour after the recording ended: the forecast's points lie in the report's past
        Report offline = new Report(live.schemaVersion(), NOW.plusSeconds(3600), live.jvm(), null, live.analysis(), List.of(),
                live.forecasts(), null, null);

        String html = ReportHtml.toHtml(offline);

        double[] x = xs(html, "polyline class=\"point\" points=\"([^\"]+)\"");
        assertThat(x[0]).isLessThan(x[1]).isLessThan(x[2]);
        assertThat(x[2]).isCloseTo(ForecastChart.WIDTH - 4, within(0.1));
    }

    @Test
    void aForecastFittedFromWhereAWarmUpRampEndedSaysSoUnderItsModel() {
        String note = "fitted from where the series settled after a warm-up ramp, whose 6 points (30s) are left out";

        String html = ReportHtml.toHtml(report(List.of(), List.of(heapForecast(note)), null));

        assertThat(html).contains("theil-sen-linear<br><span class=\"muted\">40 points every 5s<br>" + note + "</span>");
        assertThat(ReportHtml.toHtml(report(List.of(), List.of(heapForecast()), null)))
                .contains("40 points every 5s</span>").doesNotContain("warm-up ramp");
    }

    @Test
    void theApplicationsTextIsEscapedNeverMarkup() {
        Suspect hostile = new Suspect("java.util.Map<java.lang.String,Foo>", "allocation", null, List.of(), "<img src=x onerror=alert(1)>");
        Report report = report(List.of(finding(Severity.WARNING, "memory-leak:heap", "<script>alert('x')</script> & \"more\"",
                Map.of("thread", "pool-1 <main>"), List.of(hostile))), List.of(), null);

        String html = ReportHtml.toHtml(report);

        assertThat(html).doesNotContain("<script", "<img", "<main>");
        assertThat(html).contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;more&quot;",
                "java.util.Map&lt;java.lang.String,Foo&gt;", "pool-1 &lt;main&gt;");
    }

    @Test
    void aReportWithNothingKnownStillRenders() {
        Report empty = new Report(Report.SCHEMA_VERSION, NOW, new JvmInfo(null, null, null, null, null), null, null, List.of(),
                List.of(), null, null);

        String html = ReportHtml.toHtml(empty);

        assertThat(html).contains("<h1>Precog report</h1>", "pid unknown", "No problem found.", "Not enough history to forecast yet.")
                .doesNotContain("null");
    }

    @Test
    void theHeapDumpAdviceGivesTheCommandTheCostAndTheFlags() {
        HeapDumpSuggestion dump = new HeapDumpSuggestion(true, "A heap leak is confident: dump while the heap still fits the disk",
                "jcmd 4242 GC.heap_dump /data/precog-heap-4242.hprof", "/data/precog-heap-4242.hprof", 180_000_000L, 190_000_000L,
                1.4, 50_000_000_000L, true, 133.0, 120.0, NOW.plusSeconds(60), "dev.precog:type=Precog dumpHeap()",
                "-XX:+HeapDumpOnOutOfMemoryError -XX:HeapDumpPath=/data", null);

        String html = ReportHtml.toHtml(report(List.of(), List.of(), dump));

        assertThat(html).contains("Heap dump: recommended", "jcmd 4242 GC.heap_dump /data/precog-heap-4242.hprof", "about 181.2 MB",
                "about 1.4 s", "46.6 GB", "2m13s (as soon as 2m00s)", "dev.precog:type=Precog dumpHeap()",
                "-XX:+HeapDumpOnOutOfMemoryError -XX:HeapDumpPath=/data");
    }

    @Test
    void thePageLiesBesideTheJsonReport() {
        assertThat(ReportWriter.htmlBeside(Path.of("/var/log/precog/precog-report-4242.json")))
                .isEqualTo(Path.of("/var/log/precog/precog-report-4242.html"));
        assertThat(ReportWriter.htmlBeside(Path.of("out/report"))).isEqualTo(Path.of("out/report.html"));
    }

    private static double[] ys(String svg, String regex) {
        return coordinates(svg, regex, 1);
    }

    private static double[] xs(String svg, String regex) {
        return coordinates(svg, regex, 0);
    }

    /** Coordinate {@code which} (0 for x, 1 for y) of every point of the first match's point list. */
    private static double[] coordinates(String svg, String regex, int which) {
        Matcher m = Pattern.compile(regex).matcher(svg);
        assertThat(m.find()).as(svg).isTrue();
        String[] pairs = m.group(1).split(" ");
        double[] c = new double[pairs.length];
        for (int i = 0; i < pairs.length; i++) {
            c[i] = Double.parseDouble(pairs[i].split(",")[which]);
        }
        return c;
    }

    private static double min(double[] v) {
        return java.util.Arrays.stream(v).min().orElseThrow();
    }

    private static double max(double[] v) {
        return java.util.Arrays.stream(v).max().orElseThrow();
    }

    @Test
    void theAgentsOwnDataAndItsClassesAreShownWithWhatTheDataLeavesOut() {
        AgentStats agent = new AgentStats("1.0", "startup", 300_000, 1200, 0.002, 0.004, 5_000_000, 12_000, 0, 30, "procfs", 40L,
                0.01, 830_464L, 0.003, null, null, 3L, 500_000L, null, 1351L, 1_820_672L);
        Report report = new Report(Report.SCHEMA_VERSION, NOW, new JvmInfo(4242L, "com.shop.Main", "17.0.15", 268435456L, "G1"),
                null, new Report.Analysis("live", NOW.minusSeconds(300), NOW, 30, 10, List.of()), List.of(), List.of(), null, agent);

        String html = ReportHtml.toHtml(report);

        assertThat(html).contains("Own data", "811.0 KB (" + AgentStats.RETAINED_LEAVES_OUT.replace("'", "&#39;") + ")", "Own classes",
                "1,351, holding 1.7 MB of metaspace");
    }
}
