package dev.precog.it.harness;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Locations the build passes in as system properties. */
public final class Paths {

    private Paths() {}

    public static Path agentJar() {
        Path jar = Path.of(System.getProperty("precog.agentJar", "../javaagent/target/precog-agent.jar")).toAbsolutePath().normalize();
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: build the javaagent module first (./mvnw package)");
        }
        return jar;
    }

    public static Path schema() {
        return Path.of(System.getProperty("precog.schema", "../docs/report.schema.json")).toAbsolutePath().normalize();
    }

    public static Path appLibs() {
        return Path.of(System.getProperty("precog.appLibs", "target/app-libs")).toAbsolutePath().normalize();
    }

    /** The compiled workloads. */
    public static Path testClasses() {
        try {
            return Path.of(Paths.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A fresh directory for one test's files. */
    public static Path workDir(String name) {
        try {
            Path base = Path.of(System.getProperty("precog.workDir", "target/it-work")).toAbsolutePath();
            Files.createDirectories(base);
            return Files.createTempDirectory(base, name + "-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
