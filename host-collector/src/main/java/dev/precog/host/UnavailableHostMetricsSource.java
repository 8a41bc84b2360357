package dev.precog.host;

import dev.precog.model.HostSample;
import dev.precog.model.Metric;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;

/** Host metrics without OSHI: says why, and reads what the JDK alone can read from Linux's /proc. */
public final class UnavailableHostMetricsSource implements HostMetricsSource {

    private final Path proc;
    private final String description;

    /** Creates a source whose description starts with {@code reason}, why OSHI is not used. */
    public UnavailableHostMetricsSource(String reason) {
        this(reason, Path.of("/proc"));
    }

    UnavailableHostMetricsSource(String reason, Path proc) {
        this.proc = proc;
        this.description = reason + (Files.isReadable(proc.resolve("self/status"))
                ? "; reading " + proc + " directly"
                : "; no readable " + proc + ", so no host metrics");
    }

    @Override
    public HostSample sample() {
        Instant at = Instant.now();
        Map<Metric, Double> values = new EnumMap<>(Metric.class);
        readInto(values, "self/status", ProcfsParser::parseStatus);
        readInto(values, "meminfo", ProcfsParser::parseMeminfo);
        try (Stream<Path> fds = Files.list(proc.resolve("self/fd"))) {
            long open = fds.count();
            if (open > 0) {
                values.put(Metric.PROCESS_OPEN_FILES, (double) open);
            }
        } catch (IOException | RuntimeException e) {
            // absent, like any reading that fails
        }
        return new HostSample(at, values);
    }

    @Override
    public String description() {
        return description;
    }

    private void readInto(Map<Metric, Double> values, String file, Function<String, Map<Metric, Double>> parser) {
        try {
            // Latin-1 maps every byte, so an odd process name cannot make the whole file unreadable
            String text = new String(Files.readAllBytes(proc.resolve(file)), StandardCharsets.ISO_8859_1);
            values.putAll(parser.apply(text));
        } catch (IOException | RuntimeException e) {
            // absent, like any reading that fails
        }
    }
}
