package dev.precog.it.overhead;

import dev.precog.it.workload.H2BankWorkload;
import dev.precog.it.workload.JavacCompileWorkload;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A third-party workload the benchmark runs in a fresh JVM: its main class (in the test
 * classes), arguments, extra class path, and what its unit of work is.
 *
 * @param timeoutSeconds when a run is given up; generous, since a busy shared machine can make a compile five times slower
 * @param unit what one unit of the measured work is, for the page ("source files", "transactions")
 */
record BenchWorkload(String name, String description, Class<?> mainClass, List<String> args, List<Path> classPath, String unit,
        long timeoutSeconds) {

    /** The same heap in every variant, all of it resident from the start (see the workloads' BenchOutput). */
    static final List<String> HEAP_FLAGS = List.of("-Xms1g", "-Xmx1g", "-XX:+AlwaysPreTouch", "-XX:+UseG1GC");

    static BenchWorkload javac(BenchSettings s) {
        return new BenchWorkload("javac",
                "javac compiles the Guava sources (" + s.javacSources().getFileName() + ", " + fileCount(s.javacSources())
                        + " files) with --release 17, " + measuredCompiles(s.javacCompiles()),
                JavacCompileWorkload.class, List.of(s.javacSources().toString(), jarsIn(s.javacClassPath()), "" + s.javacCompiles()),
                List.of(), unitOf("javac"), 60 + 300L * s.javacCompiles());
    }

    /** Which of {@code compiles} compiles in one JVM the javac workload measures, in words. */
    static String measuredCompiles(int compiles) {
        int first = JavacCompileWorkload.firstMeasured(compiles);
        if (compiles == 1) {
            return "once, in a cold JVM";
        }
        return compiles + " times in one JVM; " + (first == compiles ? "the last compile is measured"
                : "compiles " + first + " to " + compiles + " are measured together");
    }

    static BenchWorkload h2(BenchSettings s) {
        return new BenchWorkload("h2",
                "H2 " + s.h2Jar().getFileName() + ", in memory, TPC-B-like transactions from " + s.h2Threads() + " threads (scale "
                        + s.h2Scale() + "), " + s.h2WarmupSeconds() + " s warm-up then " + s.h2Seconds() + " s measured",
                H2BankWorkload.class,
                List.of("" + s.h2Threads(), "" + s.h2Scale(), "" + s.h2WarmupSeconds(), "" + s.h2Seconds()),
                List.of(s.h2Jar()), unitOf("h2"), 180L + s.h2WarmupSeconds() + s.h2Seconds());
    }

    /** The jars of a directory as a class path: what the sources compile against. */
    private static String jarsIn(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.toString().endsWith(".jar")).sorted().map(Path::toString)
                    .collect(Collectors.joining(File.pathSeparator));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the class path of the javac workload in " + dir, e);
        }
    }

    private static long fileCount(Path root) {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(p -> p.toString().endsWith(".java") && !p.endsWith("module-info.java")).count();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the javac workload's sources in " + root, e);
        }
    }

    /** What one unit of a workload's work is. */
    static String unitOf(String name) {
        return name.equals("javac") ? "source files" : "transactions";
    }

    static List<BenchWorkload> chosen(BenchSettings s) {
        return s.workloads().stream().map(w -> w.equals("javac") ? javac(s) : h2(s)).toList();
    }
}
