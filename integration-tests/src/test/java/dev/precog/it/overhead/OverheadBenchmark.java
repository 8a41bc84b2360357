package dev.precog.it.overhead;

import dev.precog.it.harness.Jdk;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The overhead benchmark: runs real third-party workloads with no agent, with plain JFR, with the
 * OpenTelemetry Java agent (when the build gives its jar) and with Precog, interleaved, on every
 * test JDK, and writes docs/overhead.md with the raw runs in docs/overhead.json (keeping the JDKs
 * it did not run). Not a test (it measures, it does not
 * assert); run it with {@link BenchSettings#COMMAND}.
 *
 * <p>System properties ({@code precog.bench.}): {@code workloads} (javac,h2), {@code rounds} (5),
 * {@code javacCompiles} (5), {@code h2Threads} (4), {@code h2Scale} (4), {@code h2WarmupSeconds}
 * (10), {@code h2Seconds} (30), {@code startupRuns} (20 per variant), {@code seed} (42); and
 * {@code precog.test.jdks} as for the tests; {@code precog.bench.renderOnly=true} only renders the page
 * again from the JSON. The build sets where the workloads' artifacts and the OpenTelemetry agent are.
 */
public final class OverheadBenchmark {

    private OverheadBenchmark() {}

    public static void main(String[] args) throws Exception {
        BenchSettings settings = BenchSettings.fromSystemProperties();
        Path page = settings.page();
        Path json = page.resolveSibling(page.getFileName().toString().replaceFirst("\\.md$", "") + ".json");
        String command = settings.command(System.getProperty("precog.test.jdks", "auto"));
        OverheadResults results = OverheadResults.read(json);
        if (Boolean.getBoolean("precog.bench.renderOnly")) {
            // the page again from the runs already kept, after a change to how it is laid out
            Files.writeString(page, OverheadPage.markdown(results), StandardCharsets.UTF_8);
            System.out.println("[bench] rendered " + page + " from " + json);
            return;
        }
        for (Jdk jdk : Jdk.all()) {
            System.out.println("[bench] " + jdk.name() + " (" + jdk.home() + ")");
            results = results.with(new BenchCampaign(jdk, settings).run(command));
            // written after every JDK, so a long run that is stopped keeps what it finished
            Files.createDirectories(page.getParent());
            results.write(json);
            Files.writeString(page, OverheadPage.markdown(results), StandardCharsets.UTF_8);
            System.out.println("[bench] written " + page + " and " + json);
        }
    }
}
