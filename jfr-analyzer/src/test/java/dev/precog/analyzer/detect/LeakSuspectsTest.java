package dev.precog.analyzer.detect;

import static org.assertj.core.api.Assertions.assertThat;

import dev.precog.analyzer.evidence.ClassHistogram;
import dev.precog.analyzer.evidence.HeapEvidence;
import dev.precog.analyzer.evidence.HeapEvidence.OldObjectClass;
import dev.precog.analyzer.evidence.HistogramDiff;
import dev.precog.model.ClassWeight;
import dev.precog.model.Suspect;
import dev.precog.model.Window;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LeakSuspectsTest {

    private static final Instant T0 = Instant.parse("2025-03-01T12:00:00Z");
    private static final long MB = 1024L * 1024;

    /** A diff from an empty histogram to one holding {@code grown} (instances, bytes) per class. */
    private static HeapEvidence diff(Map<String, long[]> grown) {
        Map<String, ClassHistogram.Entry> second = new HashMap<>();
        grown.forEach((name, g) -> second.put(name, new ClassHistogram.Entry(g[0], g[1])));
        HistogramDiff diff = HistogramDiff.between(new ClassHistogram(T0, Map.of(), 0),
                new ClassHistogram(T0.plusSeconds(120), second, 40));
        return new HeapEvidence(diff, List.of(), 2, 80);
    }

    private static Map<String, long[]> sessionLeak() {
        Map<String, long[]> grown = new HashMap<>();
        grown.put("[B", new long[] {5_000, 40 * MB});
        grown.put("java.util.HashMap$Node", new long[] {5_000, 200_000});
        grown.put("java.lang.String", new long[] {5_000, 120_000});
        grown.put("com.acme.UserSession", new long[] {5_000, 160_000});
        return grown;
    }

    private static List<Suspect> rank(HeapEvidence evidence) {
        return LeakSuspects.rank(evidence, List.of(), 0, 10);
    }

    @Test
    void applicationClassFromTheDiffComesFirstThenTheJdkTypesItHolds() {
        List<Suspect> suspects = rank(diff(sessionLeak()));

        assertThat(suspects).extracting(Suspect::className)
                .containsExactly("com.acme.UserSession", "byte[]", "java.util.HashMap$Node", "java.lang.String");
        assertThat(suspects).allSatisfy(s -> assertThat(s.basis()).isEqualTo(LeakSuspects.HISTOGRAM_BASIS));
        Suspect session = suspects.get(0);
        assertThat(session.basis()).isEqualTo("class-histogram-diff");
        assertThat(session.growthInstances()).isEqualTo(5_000L);
        assertThat(session.growthBytes()).isEqualTo(160_000L);
        assertThat(session.detail()).contains("+5,000 instances", "application type accumulating instances");
        Suspect bytes = suspects.get(1);
        assertThat(bytes.growthInstances()).isEqualTo(5_000L);
        assertThat(bytes.growthBytes()).isEqualTo(40 * MB);
        assertThat(bytes.detail()).contains("JDK type");
        // shares are of all bytes added
        assertThat(bytes.share()).isGreaterThan(0.9);
        assertThat(suspects).extracting(Suspect::share).allSatisfy(share -> assertThat(share).isBetween(0.0, 1.0));
        assertThat(suspects).noneMatch(s -> s.className().startsWith("["));
    }

    @Test
    void aFewNewInstancesOfAnApplicationClassDoNotOutrankByteArrays() {
        Map<String, long[]> grown = sessionLeak();
        grown.remove("com.acme.UserSession");
        grown.put("com.acme.Config", new long[] {3, 96});

        List<Suspect> suspects = rank(diff(grown));

        assertThat(suspects.get(0).className()).isEqualTo("byte[]");
        assertThat(suspects).extracting(Suspect::className).contains("com.acme.Config");
        Suspect config = suspects.stream().filter(s -> s.className().equals("com.acme.Config")).findFirst().orElseThrow();
        assertThat(config.detail()).contains("application type, growing slowly");
        assertThat(suspects.indexOf(config)).isGreaterThan(0);
    }

    @Test
    void applicationClassWithATinyShareOfTheInstanceGrowthIsNotPromoted() {
        Map<String, long[]> grown = sessionLeak();
        grown.put("java.lang.String", new long[] {100_000, 2_400_000});
        // 500 new instances, but under 1% of the 100,000 new Strings
        grown.put("com.acme.UserSession", new long[] {500, 16_000});

        List<Suspect> suspects = rank(diff(grown));

        assertThat(suspects).extracting(Suspect::className)
                .containsExactly("byte[]", "java.lang.String", "java.util.HashMap$Node", "com.acme.UserSession");
    }

    @Test
    void lambdaAndHiddenClassesAreSkipped() {
        Map<String, long[]> grown = sessionLeak();
        grown.put("com.acme.Handlers$$Lambda$412/0x0000000801234567", new long[] {50_000, 800_000});
        grown.put("com.acme.Proxy/0x0000000800c0b000", new long[] {20_000, 320_000});

        List<Suspect> suspects = rank(diff(grown));

        assertThat(suspects).extracting(Suspect::className)
                .containsExactly("com.acme.UserSession", "byte[]", "java.util.HashMap$Node", "java.lang.String");
    }

    @Test
    void precogsOwnClassesAreNeverTheApplicationsLeak() {
        Map<String, long[]> grown = sessionLeak();
        grown.remove("com.acme.UserSession");
        // the agent's buffers grow while it warms up; they live in the same heap
        grown.put("dev.precog.analyzer.window.WindowAccumulator", new long[] {4_000, 300_000});
        grown.put("dev.precog.demo.LeakyShopService$Cart", new long[] {5_000, 160_000});

        List<Suspect> suspects = rank(diff(grown));

        assertThat(suspects.get(0).className()).isEqualTo("dev.precog.demo.LeakyShopService$Cart");
        assertThat(suspects).extracting(Suspect::className).noneMatch(name -> name.startsWith("dev.precog.analyzer"));
    }

    @Test
    void histogramSuspectsCarryTheAllocationSiteTheSamplesSaw() {
        Window w = new Window(T0, T0.plusSeconds(10), Map.of(), Map.of(), List.of(
                new ClassWeight("com.acme.UserSession", 4 * MB, 40, "com.acme.SessionStore.open:42"),
                new ClassWeight("com.acme.UserSession", MB, 10, "com.acme.Admin.impersonate:7"),
                new ClassWeight("[B", 90 * MB, 900, "com.acme.Pages.render:88")), 950);

        List<Suspect> suspects = LeakSuspects.rank(diff(sessionLeak()), List.of(w), 0, 10);

        Suspect session = suspects.get(0);
        assertThat(session.className()).isEqualTo("com.acme.UserSession");
        assertThat(session.stackTop()).containsExactly("com.acme.SessionStore.open:42");
        assertThat(session.detail()).endsWith("; allocated mostly at com.acme.SessionStore.open:42");
        Suspect bytes = suspects.get(1);
        assertThat(bytes.className()).isEqualTo("byte[]");
        assertThat(bytes.stackTop()).containsExactly("com.acme.Pages.render:88");
        // no samples caught HashMap$Node: no site rather than a guess
        assertThat(suspects.get(2).stackTop()).isEmpty();
    }

    @Test
    void limitCutsTheList() {
        assertThat(LeakSuspects.rank(diff(sessionLeak()), List.of(), 0, 2)).extracting(Suspect::className)
                .containsExactly("com.acme.UserSession", "byte[]");
    }

    @Test
    void oldObjectSamplesWhenThereIsNoDiff() {
        HeapEvidence evidence = new HeapEvidence(null, List.of(
                new OldObjectClass("[B", 40, "com.acme.SessionStore.open:17", List.of("com.acme.SessionStore.open:17")),
                new OldObjectClass("java.lang.String", 12, null, List.of()),
                new OldObjectClass("com.acme.Handlers$$Lambda$12/0x0000000801234567", 30, null, List.of()),
                new OldObjectClass("com.acme.UserSession", 8, "com.acme.SessionStore.open:15",
                        List.of("com.acme.SessionStore.open:15", "com.acme.Login.handle:88"))), 0, 0);

        List<Suspect> suspects = rank(evidence);

        assertThat(suspects).extracting(Suspect::className)
                .containsExactly("com.acme.UserSession", "byte[]", "java.lang.String");
        assertThat(suspects).allSatisfy(s -> assertThat(s.basis()).isEqualTo("old-object-samples"));
        Suspect session = suspects.get(0);
        assertThat(session.stackTop()).containsExactly("com.acme.SessionStore.open:15", "com.acme.Login.handle:88");
        assertThat(session.detail()).contains("8 sampled objects still alive", "allocated by com.acme.SessionStore.open:15");
        assertThat(session.growthInstances()).isNull();
        assertThat(suspects.get(2).detail()).doesNotContain("allocated by");
    }

    @Test
    void aDiffWithoutGrowthFallsBackToOldObjects() {
        HistogramDiff flat = HistogramDiff.between(new ClassHistogram(T0, Map.of(), 0),
                new ClassHistogram(T0.plusSeconds(60), Map.of(), 0));
        HeapEvidence evidence = new HeapEvidence(flat,
                List.of(new OldObjectClass("com.acme.UserSession", 3, null, List.of())), 2, 10);

        assertThat(rank(evidence)).singleElement()
                .satisfies(s -> assertThat(s.basis()).isEqualTo(LeakSuspects.OLD_OBJECT_BASIS));
    }

    @Test
    void withNeitherItFallsBackToAllocationSamples() {
        Window w = new Window(T0, T0.plusSeconds(10), Map.of(), Map.of(), List.of(
                new ClassWeight("[B", 9_000_000, 90),
                new ClassWeight("com.acme.UserSession", 1_000_000, 10)), 100);

        List<Suspect> suspects = LeakSuspects.rank(HeapEvidence.NONE, List.of(w), 0, 10);

        assertThat(suspects).extracting(Suspect::className).containsExactly("com.acme.UserSession", "byte[]");
        assertThat(suspects).allSatisfy(s -> assertThat(s.basis()).isEqualTo("allocation-samples"));
    }

    @Test
    void noEvidenceAtAll() {
        assertThat(LeakSuspects.rank(HeapEvidence.NONE, List.of(), 0, 10)).isEmpty();
    }
}
