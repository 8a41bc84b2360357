package dev.precog.it.harness;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** A JDK to run child JVMs on: the one running the tests, plus others configured or found. */
public record Jdk(String name, Path home) {

    /** The Java feature release of this JDK (17, 25, ...), from its release file or its name. */
    public int feature() {
        try {
            for (String line : Files.readAllLines(home.resolve("release"))) {
                if (line.startsWith("JAVA_VERSION=")) {
                    String v = line.substring("JAVA_VERSION=".length()).replace("\"", "");
                    return Integer.parseInt(v.split("[.+-]")[0]);
                }
            }
        } catch (IOException | NumberFormatException e) {
            // fall through to the name
        }
        return Integer.parseInt(name.replaceAll("\\D", ""));
    }

    public Path java() {
        return home.resolve("bin").resolve("java");
    }

    @Override
    public String toString() {
        return name;
    }

    /** The JDK running the tests, alone: for a test whose JDK-specific parts another test covers. */
    public static Jdk current() {
        return all().get(0);
    }

    /**
     * The newest JDK configured (the test JDK when there is no other; the first of equals), alone:
     * for the others of the tests whose JDK-specific parts another test covers, so that the newest
     * JDK runs some of them too.
     */
    public static Jdk latest() {
        Jdk newest = null;
        for (Jdk jdk : all()) {
            if (newest == null || jdk.feature() > newest.feature()) {
                newest = jdk;
            }
        }
        return newest;
    }

    /**
     * The test JDK and the extra ones from {@code precog.test.jdks}: comma-separated homes, or
     * "auto" for every Temurin 25 under /usr/lib/jvm.
     */
    public static List<Jdk> all() {
        List<Jdk> jdks = new ArrayList<>();
        Path current = Path.of(System.getProperty("java.home"));
        jdks.add(new Jdk("jdk" + Runtime.version().feature(), current));
        String configured = System.getProperty("precog.test.jdks", "auto");
        for (Path home : configured.equals("auto") ? discover() : configuredHomes(configured)) {
            if (!home.equals(current) && Files.isExecutable(home.resolve("bin/java"))) {
                jdks.add(new Jdk(nameOf(home), home));
            }
        }
        return jdks;
    }

    private static List<Path> configuredHomes(String text) {
        return Stream.of(text.split(",")).map(String::trim).filter(s -> !s.isEmpty() && !s.equals("none")).map(Path::of).toList();
    }

    private static List<Path> discover() {
        try (Stream<Path> homes = Files.list(Path.of("/usr/lib/jvm"))) {
            return homes.filter(p -> p.getFileName().toString().matches("temurin-25.*")).sorted().toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    private static String nameOf(Path home) {
        String dir = home.getFileName().toString();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(\\d+)").matcher(dir);
        return m.find() ? "jdk" + m.group(1) : dir;
    }
}
