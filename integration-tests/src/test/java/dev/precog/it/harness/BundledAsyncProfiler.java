package dev.precog.it.harness;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;
import java.util.Optional;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

/**
 * The async-profiler library Precog bundles in its jar, copied out for a JVM that loads it
 * itself ({@code -agentpath}): "another agent" in the tests, the async-profiler peer in the benchmark.
 */
public final class BundledAsyncProfiler {

    private BundledAsyncProfiler() {}

    /** The library's entry in the agent jar for this machine; empty where Precog bundles none (not Linux x64/arm64). */
    public static Optional<String> entry() {
        if (!System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("linux")) {
            return Optional.empty();
        }
        return switch (System.getProperty("os.arch", "")) {
            case "amd64", "x86_64" -> Optional.of("inst/asprof/linux-x64/libasyncProfiler.so");
            case "aarch64" -> Optional.of("inst/asprof/linux-arm64/libasyncProfiler.so");
            default -> Optional.empty();
        };
    }

    /** Copies the library into {@code dir} (created when missing) and returns its path. */
    public static Path extract(Path dir) throws IOException {
        String name = entry().orElseThrow(() -> new IllegalStateException("Precog bundles no async-profiler for "
                + System.getProperty("os.name") + " " + System.getProperty("os.arch")));
        Files.createDirectories(dir);
        Path lib = dir.resolve("libasyncProfiler.so");
        try (JarFile jar = new JarFile(Paths.agentJar().toFile())) {
            JarEntry e = jar.getJarEntry(name);
            if (e == null) {
                throw new IllegalStateException(Paths.agentJar() + " has no " + name);
            }
            try (InputStream in = jar.getInputStream(e)) {
                Files.copy(in, lib, StandardCopyOption.REPLACE_EXISTING);
            }
        }
        return lib;
    }
}
