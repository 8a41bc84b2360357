package dev.precog.it.quality;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

/** Renders scenario results as the Markdown page docs/detection-quality.md. */
final class QualityTable {

    private QualityTable() {}

    /** The page around {@code rows} (each from {@link #row}), in the order given. */
    static String markdown(List<String> rows, String command) {
        StringBuilder md = new StringBuilder();
        md.append("# Detection quality\n\n");
        md.append("Each scenario is a small real service run in its own JVM with the agent (`window=1s`) and its own\n")
                .append("JFR recording (`settings=default`). *Detected* is the first report naming the expected kind at\n")
                .append("WARNING or above, in seconds from the JVM's start; *pattern* is that finding's shape and *suspect*\n")
                .append("its first suspect's class, both at the end of the run; *false alarms* are other findings at\n")
                .append("WARNING or above that the scenario does not explain; *offline* is `analyze` of the run's\n")
                .append("recording. Traps must show nothing.\n\n");
        md.append("Generated (last updated, when a subset was rerun) ").append(Instant.now()).append(" by:\n\n```sh\n")
                .append(command).append("\n```\n\n");
        md.append("| scenario | JDK | expected | detected after | pattern | suspect named first | suspect right | false alarms | offline | note |\n");
        md.append("|---|---|---|---|---|---|---|---|---|---|\n");
        rows.forEach(md::append);
        return md.toString();
    }

    /** One table row for {@code r}, ending in a newline. */
    static String row(ScenarioResult r) {
        Scenario s = r.scenario();
        StringBuilder md = new StringBuilder();
        md.append("| ").append(s.name())
                .append(" | ").append(r.jdk())
                .append(" | ").append(s.expectedKind() == null ? "nothing (trap)" : s.expectedKind())
                .append(" | ").append(s.expectedKind() == null ? "–" : r.detected()
                        ? String.format(Locale.ROOT, "%.0f s", r.detectedAfterSeconds()) : "**not detected**")
                .append(" | ").append(r.pattern() == null ? "–"
                        : Boolean.FALSE.equals(r.patternRight()) ? "**" + r.pattern() + "** (expected " + s.expectedPattern() + ")"
                        : r.pattern())
                .append(" | ").append(r.suspect() == null ? "–" : "`" + r.suspect() + "`")
                .append(" | ").append(r.suspectRight() == null ? "–" : r.suspectRight() ? "yes" : "**no**")
                .append(" | ").append(r.falseAlarms().isEmpty() ? "none" : "**" + String.join(", ", r.falseAlarms()) + "**")
                .append(" | ").append(r.offlineDetected() == null ? "–" : r.offlineDetected() ? "yes" : "**no**")
                .append(" | ").append(r.note())
                .append(" |\n");
        return md.toString();
    }
}
