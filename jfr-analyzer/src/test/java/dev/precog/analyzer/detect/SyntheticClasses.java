package dev.precog.analyzer.detect;

import dev.precog.analyzer.evidence.Evidence;
import dev.precog.analyzer.timeline.Timeline;
import dev.precog.model.Metric;
import dev.precog.model.Window;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.IntToDoubleFunction;

/**
 * Builds timelines of 10-second windows with a net loaded class count, the classes unloaded so
 * far, and metaspace used (only in windows with a collection), the way the JFR handlers fill them.
 */
final class SyntheticClasses {

    static final Instant T0 = Instant.parse("2025-03-01T12:00:00Z");
    static final Duration WINDOW = Duration.ofSeconds(10);
    static final double MB = 1024.0 * 1024;

    private final int windows;
    private IntToDoubleFunction netClasses = i -> 8_000;
    private IntToDoubleFunction unloaded = i -> 0;
    private IntToDoubleFunction metaspace = i -> 40 * MB;
    private int gcEvery = 1;
    private double classNoise;
    private double metaspaceNoise;
    private Long maxMetaspace;
    private Evidence evidence = Evidence.NONE;

    private SyntheticClasses(int windows) {
        this.windows = windows;
    }

    static SyntheticClasses windows(int n) {
        return new SyntheticClasses(n);
    }

    /** Loaded minus unloaded classes in window {@code i} (0-based), before noise. */
    SyntheticClasses netClasses(IntToDoubleFunction count) {
        this.netClasses = count;
        return this;
    }

    /** Classes unloaded since JVM start, by window. */
    SyntheticClasses unloaded(IntToDoubleFunction count) {
        this.unloaded = count;
        return this;
    }

    /** Metaspace used in bytes, by window, before noise. */
    SyntheticClasses metaspace(IntToDoubleFunction bytes) {
        this.metaspace = bytes;
        return this;
    }

    /** Metaspace is reported only around collections: one every {@code n} windows. */
    SyntheticClasses gcEvery(int n) {
        this.gcEvery = n;
        return this;
    }

    /** Uniform noise of +/- {@code classes} and +/- {@code bytes} on every point. */
    SyntheticClasses noise(double classes, double bytes) {
        this.classNoise = classes;
        this.metaspaceNoise = bytes;
        return this;
    }

    SyntheticClasses maxMetaspace(long bytes) {
        this.maxMetaspace = bytes;
        return this;
    }

    SyntheticClasses evidence(Evidence e) {
        this.evidence = e;
        return this;
    }

    static Instant end(int i) {
        return T0.plus(WINDOW.multipliedBy(i + 1L));
    }

    Timeline timeline() {
        Random random = new Random(7);
        Timeline timeline = new Timeline(Math.max(2, windows));
        for (int i = 0; i < windows; i++) {
            Map<Metric, Double> values = new EnumMap<>(Metric.class);
            double net = Math.round(netClasses.applyAsDouble(i) + (2 * random.nextDouble() - 1) * classNoise);
            double gone = unloaded.applyAsDouble(i);
            values.put(Metric.CLASSES_LOADED, net + gone);
            values.put(Metric.CLASSES_UNLOADED, gone);
            if (i % gcEvery == gcEvery - 1) {
                values.put(Metric.METASPACE_USED, metaspace.applyAsDouble(i) + (2 * random.nextDouble() - 1) * metaspaceNoise);
                values.put(Metric.GC_COUNT, 1.0);
            }
            Instant start = T0.plus(WINDOW.multipliedBy(i));
            timeline.add(new Window(start, start.plus(WINDOW), values, Map.of(), List.of(), 10));
        }
        return timeline;
    }

    AnalysisContext context() {
        return new AnalysisContext(timeline(), end(windows - 1), 4242L, null, null, Boolean.FALSE, evidence)
                .withMetaspaceMaxBytes(maxMetaspace);
    }
}
