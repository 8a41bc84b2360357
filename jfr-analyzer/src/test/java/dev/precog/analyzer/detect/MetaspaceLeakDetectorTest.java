package dev.precog.analyzer.detect;

import static dev.precog.analyzer.detect.SyntheticClasses.MB;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.precog.analyzer.evidence.CensusDiff;
import dev.precog.analyzer.evidence.Evidence;
import dev.precog.analyzer.evidence.LoaderCensus;
import dev.precog.model.Finding;
import dev.precog.model.FindingKind;
import dev.precog.model.Severity;
import dev.precog.model.Suggestion;
import dev.precog.model.Suspect;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Synthetic class-count and metaspace shapes over 10-second windows. Tunables that shape the data
 * (see {@link MetaspaceTrend#isGrowing}): the first 10% of windows dropped as warm-up, at least
 * eight points of each series, the net class count rising by {@link SeriesTrend#isRising()} and
 * by at least 200 classes, metaspace rising significantly by at least 5 MB and 20% of its level
 * (or reaching MaxMetaspaceSize within three hours); CRITICAL within the hour of MaxMetaspaceSize.
 */
class MetaspaceLeakDetectorTest {

    private static final int WINDOWS_PER_MINUTE = 6;
    private static final double CLASSES_PER_WINDOW = 50;
    private static final double BYTES_PER_WINDOW = 0.5 * MB;
    private static final String TEMPLATE_LOADER = "com.acme.templates.TemplateClassLoader";

    private final MetaspaceLeakDetector detector = new MetaspaceLeakDetector();

    /** 300 classes and 3 MB of metaspace a minute, metaspace seen every second window. */
    private static SyntheticClasses steadyLeak(int windows) {
        return SyntheticClasses.windows(windows)
                .netClasses(i -> 8_000 + CLASSES_PER_WINDOW * i)
                .metaspace(i -> 40 * MB + BYTES_PER_WINDOW * i)
                .gcEvery(2)
                .noise(10, 0.2 * MB);
    }

    /** A census diff where a JDK loader grew more than the application's, and Precog's own grew a little. */
    private static Evidence loaderCensusDiff() {
        Instant from = SyntheticClasses.T0.plusSeconds(300);
        LoaderCensus before = new LoaderCensus()
                .add(LoaderCensus.BOOTSTRAP, 2_500)
                .add("jdk.internal.loader.ClassLoaders$AppClassLoader", 900)
                .add("dev.precog.agent.boot.IsolatedClassLoader", 3_000)
                .add("jdk.internal.reflect.DelegatingClassLoader", 1);
        for (int i = 0; i < 15; i++) {
            before.add(TEMPLATE_LOADER, 20);
        }
        LoaderCensus after = new LoaderCensus()
                .add(LoaderCensus.BOOTSTRAP, 2_530)
                .add("jdk.internal.loader.ClassLoaders$AppClassLoader", 900)
                .add("dev.precog.agent.boot.IsolatedClassLoader", 3_040);
        for (int i = 0; i < 1_501; i++) {
            after.add("jdk.internal.reflect.DelegatingClassLoader", 1);
        }
        for (int i = 0; i < 75; i++) {
            after.add(TEMPLATE_LOADER, 20);
        }
        CensusDiff diff = CensusDiff.between(before.at(from), after.at(from.plusSeconds(120)));
        return Evidence.NONE.withClassLoaders(diff);
    }

    @Test
    void steadyGrowthOfClassesAndMetaspaceIsAWarningNamingTheApplicationLoaderFirst() {
        AnalysisContext context = steadyLeak(60).evidence(loaderCensusDiff()).context();

        List<Finding> findings = detector.detect(context);

        assertThat(findings).hasSize(1);
        Finding leak = findings.get(0);
        assertThat(leak.kind()).isEqualTo(FindingKind.METASPACE_LEAK);
        assertThat(leak.id()).isEqualTo("metaspace");
        assertThat(leak.severity()).isEqualTo(Severity.WARNING);
        assertThat(leak.confidence()).isBetween(0.9, 1.0);
        double classesPerMinute = CLASSES_PER_WINDOW * WINDOWS_PER_MINUTE;
        double bytesPerMinute = BYTES_PER_WINDOW * WINDOWS_PER_MINUTE;
        assertThat(number(leak, "classGrowthPerMinute")).isCloseTo(classesPerMinute, within(0.1 * classesPerMinute));
        assertThat(number(leak, "classGrowthPerMinuteLow")).isPositive().isLessThanOrEqualTo(number(leak, "classGrowthPerMinute"));
        assertThat(number(leak, "classGrowthPerMinuteHigh")).isGreaterThanOrEqualTo(number(leak, "classGrowthPerMinute"));
        assertThat(number(leak, "metaspaceGrowthBytesPerMinute")).isCloseTo(bytesPerMinute, within(0.15 * bytesPerMinute));
        assertThat(number(leak, "metaspaceGrowthBytesPerMinuteLow")).isPositive()
                .isLessThanOrEqualTo(number(leak, "metaspaceGrowthBytesPerMinute"));
        assertThat(number(leak, "classesUnloaded")).isZero();
        assertThat(leak.evidence()).containsKeys("since", "windowsAnalysed", "pValue", "confidenceReason", "metaspaceUsedBytes")
                .doesNotContainKeys("suspectsNote", "metaspaceMaxBytes");
        // the first 10% (6 windows) is warm-up
        assertThat(leak.evidence().get("since")).isEqualTo(SyntheticClasses.end(6).toString());
        assertThat(leak.summary()).contains("300 more loaded than unloaded per minute", "3.0 MB/min", TEMPLATE_LOADER);

        List<Suspect> suspects = leak.suspects();
        assertThat(suspects).extracting(Suspect::className).containsExactly(TEMPLATE_LOADER,
                "jdk.internal.reflect.DelegatingClassLoader", LoaderCensus.BOOTSTRAP, "dev.precog.agent.boot.IsolatedClassLoader");
        Suspect first = suspects.get(0);
        assertThat(first.basis()).isEqualTo(ClassLoaderSuspects.BASIS);
        assertThat(first.detail()).startsWith("+1,200 classes in 2m00s across 60 new loaders of this type (now 75 loaders, 1,500 classes)");
        assertThat(first.growthInstances()).isEqualTo(60L);
        assertThat(first.share()).isCloseTo(1_200.0 / (1_200 + 1_500 + 30 + 40), within(1e-3));
        assertThat(suspects.get(2).growthInstances()).as("one boot loader, unchanged").isNull();

        assertThat(leak.suggestions()).extracting(Suggestion::command).contains(
                "jcmd 4242 VM.classloader_stats", "jcmd 4242 VM.metaspace show-loaders");
        assertThat(leak.suggestions()).anySatisfy(s -> assertThat(s.command()).startsWith("-XX:MaxMetaspaceSize="));
    }

    @Test
    void withoutACensusTheFindingHasNoSuspectsButSaysWhy() {
        Finding leak = detector.detect(steadyLeak(60).context()).get(0);

        assertThat(leak.suspects()).isEmpty();
        assertThat((String) leak.evidence().get("suspectsNote")).contains("jdk.ClassLoaderStatistics");
    }

    @Test
    void reachingMaxMetaspaceSizeWithinTheHourIsCritical() {
        // 40 MB + 3 MB/min for ten minutes is about 70 MB: a 100 MB cap is ten minutes away
        Finding leak = detector.detect(steadyLeak(60).maxMetaspace(100L * 1024 * 1024).context()).get(0);

        assertThat(leak.severity()).isEqualTo(Severity.CRITICAL);
        assertThat(number(leak, "metaspaceMaxBytes")).isEqualTo(100 * MB);
        assertThat(number(leak, "fractionOfMaxMetaspace")).isBetween(0.6, 0.8);
        assertThat(leak.summary()).contains("of MaxMetaspaceSize 100.0 MB", "full in about");
        assertThat(leak.suggestions()).noneSatisfy(s -> assertThat(s.command()).startsWith("-XX:MaxMetaspaceSize="));
    }

    @Test
    void aDistantMaxMetaspaceSizeLeavesAWarning() {
        Finding leak = detector.detect(steadyLeak(60).maxMetaspace(2048L * 1024 * 1024).context()).get(0);

        assertThat(leak.severity()).isEqualTo(Severity.WARNING);
    }

    @Test
    void startUpClassLoadingThatStopsIsNotALeak() {
        // 7,000 classes and 35 MB in the first 15 windows (past the 10% warm-up), then only
        // method profiles of warming code add a little metaspace
        SyntheticClasses startUp = SyntheticClasses.windows(60)
                .netClasses(i -> i < 15 ? 2_000 + 7_000.0 * i / 15 : 9_000 + i / 10)
                .metaspace(i -> i < 15 ? 10 * MB + 35 * MB * i / 15 : 45 * MB + 0.05 * MB * (i - 15))
                .gcEvery(2)
                .noise(5, 0.1 * MB);

        assertThat(detector.detect(startUp.context())).isEmpty();
    }

    @Test
    void classesUnloadedPeriodicallyAreNotALeak() {
        // template loaders live for two minutes and are collected: the count and metaspace return
        SyntheticClasses collected = SyntheticClasses.windows(90)
                .netClasses(i -> 8_000 + CLASSES_PER_WINDOW * (i % 12))
                .unloaded(i -> CLASSES_PER_WINDOW * 12 * (i / 12))
                .metaspace(i -> 40 * MB + BYTES_PER_WINDOW * (i % 12))
                .gcEvery(2)
                .noise(10, 0.2 * MB);

        assertThat(detector.detect(collected.context())).isEmpty();
    }

    @Test
    void metaspaceGrowingWithoutNewClassesIsNotALeak() {
        SyntheticClasses warming = SyntheticClasses.windows(60)
                .netClasses(i -> 9_000)
                .metaspace(i -> 40 * MB + BYTES_PER_WINDOW * i)
                .noise(3, 0.1 * MB);

        assertThat(detector.detect(warming.context())).isEmpty();
    }

    @Test
    void classesGrowingWhileMetaspaceBarelyMovesIsNotALeak() {
        // 2,700 classes but only 2.7 MB: below the 5 MB that matters
        SyntheticClasses small = SyntheticClasses.windows(60)
                .netClasses(i -> 8_000 + CLASSES_PER_WINDOW * i)
                .metaspace(i -> 10 * MB + 0.05 * MB * i)
                .noise(10, 0.01 * MB);

        assertThat(detector.detect(small.context())).isEmpty();
    }

    @Test
    void tooFewWindowsGiveNothing() {
        assertThat(detector.detect(steadyLeak(8).context())).isEmpty();
        assertThat(detector.detect(steadyLeak(12).gcEvery(4).context())).as("too few metaspace samples").isEmpty();
    }

    @Test
    void aLeakThatStartsAfterALongQuietSpellIsFoundInTheRecentHalf() {
        SyntheticClasses late = SyntheticClasses.windows(120)
                .netClasses(i -> i < 60 ? 8_000 : 8_000 + CLASSES_PER_WINDOW * (i - 60))
                .metaspace(i -> i < 60 ? 40 * MB : 40 * MB + BYTES_PER_WINDOW * (i - 60))
                .gcEvery(2)
                .noise(10, 0.2 * MB);

        List<Finding> findings = detector.detect(late.context());

        assertThat(findings).hasSize(1);
        assertThat(Instant.parse((String) findings.get(0).evidence().get("since"))).isAfter(SyntheticClasses.end(59));
    }

    @Test
    void missingSignalsGiveNothing() {
        SyntheticClasses noMetaspace = steadyLeak(60).gcEvery(1_000);

        assertThat(detector.detect(noMetaspace.context())).isEmpty();
        assertThat(detector.detect(SyntheticClasses.windows(0).context())).isEmpty();
    }

    private static double number(Finding f, String key) {
        return ((Number) f.evidence().get(key)).doubleValue();
    }
}
