package dev.precog.it.overhead;

import dev.precog.it.harness.BundledAsyncProfiler;
import dev.precog.it.harness.Paths;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * How a benchmark JVM is started: bare, with plain JFR, with one of Precog's peers (the
 * OpenTelemetry Java agent's JFR runtime metrics; async-profiler as a continuous profiler), or
 * with Precog (default options).
 */
enum Variant {
    NONE("none"),
    JFR("jfr"),
    OTEL("otel", "the OpenTelemetry Java agent"),
    ASPROF("asprof", "async-profiler as a continuous profiler"),
    PRECOG("precog");

    /** The OpenTelemetry Java agent's jar; without it the {@link #OTEL} variant is not run. */
    static final String OTEL_JAR_PROPERTY = "precog.bench.otelJar";
    /**
     * The OpenTelemetry agent as a peer of Precog: its runtime metrics with the JFR ones
     * (allocation, lock waits, context switches, network) on, its library instrumentations off (they
     * trace requests, which Precog does not), metrics exported once a minute to its console log.
     */
    static final List<String> OTEL_FLAGS = List.of("-Dotel.service.name=precog-bench", "-Dotel.traces.exporter=none",
            "-Dotel.logs.exporter=none", "-Dotel.metrics.exporter=console", "-Dotel.instrumentation.common.default-enabled=false",
            "-Dotel.instrumentation.runtime-telemetry.enabled=true",
            "-Dotel.instrumentation.runtime-telemetry.emit-experimental-jfr-metrics=true");

    /**
     * async-profiler run the way continuous profilers built on it run it (Pyroscope's Java agent:
     * CPU by itimer every 10 ms, a JFR file every 10 s), with allocation and lock sampling on, as
     * Precog's evidence has them: the bundled library, loaded at start-up.
     */
    static final String ASPROF_OPTIONS = "start,event=itimer,interval=10ms,alloc=512k,lock=10ms,jfr,loop=10s";
    /** Where async-profiler writes its JFR files, one per loop, in the run's directory. */
    static final String ASPROF_FILE = "asprof-%t.jfr";

    final String label;
    /** What a peer is called in the page's comparison with Precog; null for the others. */
    final String peer;

    Variant(String label) {
        this(label, null);
    }

    Variant(String label, String peer) {
        this.label = label;
        this.peer = peer;
    }

    /** The flags that make this variant, writing whatever it writes into {@code dir}. */
    List<String> jvmArgs(Path dir) {
        return switch (this) {
            case NONE -> List.of();
            case JFR -> List.of("-XX:StartFlightRecording=settings=default,filename=" + dir.resolve("run.jfr"));
            case OTEL -> Stream.concat(Stream.of("-javaagent:" + otelJar().orElseThrow()), OTEL_FLAGS.stream()).toList();
            case ASPROF -> List.of("-agentpath:" + extractedProfiler(dir) + "=" + ASPROF_OPTIONS + ",file="
                    + dir.resolve(ASPROF_FILE));
            case PRECOG -> List.of("-javaagent:" + Paths.agentJar() + "=reportDir=" + dir);
        };
    }

    /** The bundled library, copied into the run's directory before its JVM starts. */
    private static Path extractedProfiler(Path dir) {
        try {
            return BundledAsyncProfiler.extract(dir.resolve("asprof"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The variants this run measures: all of them, less {@link #OTEL} when its jar is not given and
     * {@link #ASPROF} where Precog bundles no library for the machine.
     */
    static List<Variant> measured() {
        return Arrays.stream(values()).filter(v -> v != OTEL || otelJar().isPresent())
                .filter(v -> v != ASPROF || BundledAsyncProfiler.entry().isPresent()).toList();
    }

    /** The peers among {@code variants}, in their order. */
    static List<Variant> peers(Collection<Variant> variants) {
        return variants.stream().filter(v -> v.peer != null).toList();
    }

    /** The variants that have runs in {@code labels}, in their order: an older run's page shows no empty rows. */
    static List<Variant> present(Collection<String> labels) {
        return Arrays.stream(values()).filter(v -> labels.contains(v.label)).toList();
    }

    private static Optional<Path> otelJar() {
        String jar = System.getProperty(OTEL_JAR_PROPERTY, "");
        return jar.isBlank() || !Files.isRegularFile(Path.of(jar)) ? Optional.empty() : Optional.of(Path.of(jar));
    }

    /** The flags as the results page shows them, without the run's directory. */
    String shownFlags() {
        return switch (this) {
            case NONE -> "(none)";
            case JFR -> "-XX:StartFlightRecording=settings=default,filename=run.jfr";
            case OTEL -> "-javaagent:opentelemetry-javaagent.jar " + String.join(" ", OTEL_FLAGS);
            case ASPROF -> "-agentpath:libasyncProfiler.so=" + ASPROF_OPTIONS + ",file=" + ASPROF_FILE;
            case PRECOG -> "-javaagent:precog-agent.jar=reportDir=<run dir>";
        };
    }
}
