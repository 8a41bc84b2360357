package dev.precog.it.overhead;

import dev.precog.it.harness.Paths;
import java.nio.file.Path;
import java.util.List;

/** How a benchmark JVM is started: bare, with plain JFR, or with Precog (default options). */
enum Variant {
    NONE("none"),
    JFR("jfr"),
    PRECOG("precog");

    final String label;

    Variant(String label) {
        this.label = label;
    }

    /** The flags that make this variant, writing whatever it writes into {@code dir}. */
    List<String> jvmArgs(Path dir) {
        return switch (this) {
            case NONE -> List.of();
            case JFR -> List.of("-XX:StartFlightRecording=settings=default,filename=" + dir.resolve("run.jfr"));
            case PRECOG -> List.of("-javaagent:" + Paths.agentJar() + "=reportDir=" + dir);
        };
    }

    /** The flags as the results page shows them, without the run's directory. */
    String shownFlags() {
        return switch (this) {
            case NONE -> "(none)";
            case JFR -> "-XX:StartFlightRecording=settings=default,filename=run.jfr";
            case PRECOG -> "-javaagent:precog-agent.jar=reportDir=<run dir>";
        };
    }
}
