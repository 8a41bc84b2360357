package dev.precog.it.workload;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import javax.tools.DiagnosticCollector;
import javax.tools.FileObject;
import javax.tools.ForwardingJavaFileManager;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * Overhead-benchmark workload: javac (the JDK's own, through javax.tools) compiles a real
 * source tree several times in one JVM; the first two compiles warm up, the ones after them are
 * measured together (with fewer compiles, the last). Class files are generated and thrown away,
 * so the shared disk adds no noise.
 * Args: source root, class path of the tree's dependencies, number of compiles (at least 1).
 */
public final class JavacCompileWorkload {

    /** Compiles that only warm the JVM up when there are more. */
    static final int WARM_UP_COMPILES = 2;

    private JavacCompileWorkload() {}

    /**
     * The first measured compile (1-based) of {@code compiles}: the one after the warm-up, or the
     * last when there are no more. One compile of Guava is about 3.5 s on a warm JVM, short enough
     * for one busy moment of the machine to move it by several percent.
     */
    public static int firstMeasured(int compiles) {
        return Math.min(WARM_UP_COMPILES + 1, compiles);
    }

    public static void main(String[] args) throws IOException {
        ParentWatch.start();
        Path root = Path.of(args[0]);
        String classPath = args[1];
        int compiles = Integer.parseInt(args[2]);
        List<Path> sources = sources(root);
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        int firstMeasured = firstMeasured(compiles);
        double seconds = 0;
        double cpu = 0;
        double agentCpu = 0;
        for (int i = 1; i <= compiles; i++) {
            double cpuBefore = BenchOutput.processCpuSeconds();
            var agentBefore = BenchOutput.agentThreadsCpu();
            long started = System.nanoTime();
            long bytes = compile(javac, sources, classPath);
            double compileSeconds = (System.nanoTime() - started) / 1e9;
            // read with the compile's end, before the readings and prints below
            double sinceLaunch = BenchOutput.secondsSinceLaunch();
            double compileCpu = BenchOutput.processCpuSeconds() - cpuBefore;
            double compileAgentCpu = BenchOutput.agentThreadsCpuSecondsSince(agentBefore);
            BenchOutput.put("compile" + i + "Seconds", compileSeconds);
            BenchOutput.put("compile" + i + "CpuSeconds", compileCpu);
            BenchOutput.put("compile" + i + "AgentCpuSeconds", compileAgentCpu);
            BenchOutput.put("compile" + i + "ClassBytes", bytes);
            if (i == 1 && Double.isFinite(sinceLaunch)) {
                // what a build that forks javac waits for: the JVM's start, the agent's or JFR's, and one compile
                BenchOutput.put("compile1EndSinceLaunchSeconds", sinceLaunch);
            }
            if (i >= firstMeasured) {
                seconds += compileSeconds;
                cpu += compileCpu;
                agentCpu += compileAgentCpu;
            }
        }
        // the measured work: the measured compiles' source files
        BenchOutput.put("compileFiles", sources.size());
        BenchOutput.put("work", sources.size() * (compiles - firstMeasured + 1));
        BenchOutput.put("seconds", seconds);
        BenchOutput.put("cpuSeconds", cpu);
        BenchOutput.put("agentCpuSeconds", agentCpu);
        BenchOutput.putMemory();
    }

    /** Every .java file under the root but module-info, which would make the tree a named module. */
    private static List<Path> sources(Path root) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(p -> p.toString().endsWith(".java") && !p.getFileName().toString().equals("module-info.java"))
                    .sorted().toList();
        }
    }

    /** One full compile with a fresh file manager; the bytes of class files it wrote. */
    private static long compile(JavaCompiler javac, List<Path> sources, String classPath) throws IOException {
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        try (StandardJavaFileManager files = javac.getStandardFileManager(diagnostics, Locale.ROOT, StandardCharsets.UTF_8)) {
            DiscardingFileManager out = new DiscardingFileManager(files);
            List<String> options = List.of("--release", "17", "-proc:none", "-nowarn", "-Xlint:none", "-encoding", "UTF-8",
                    "-classpath", classPath);
            boolean ok = javac.getTask(null, out, diagnostics, options, null, files.getJavaFileObjectsFromPaths(sources)).call();
            if (!ok) {
                diagnostics.getDiagnostics().stream().filter(d -> d.getKind() == javax.tools.Diagnostic.Kind.ERROR).limit(5)
                        .forEach(d -> System.err.println(d));
                throw new IllegalStateException("javac failed on " + sources.size() + " files");
            }
            return out.bytes;
        }
    }

    /** Hands javac an output stream that counts what it writes and keeps nothing. */
    private static final class DiscardingFileManager extends ForwardingJavaFileManager<StandardJavaFileManager> {
        private long bytes;

        DiscardingFileManager(StandardJavaFileManager files) {
            super(files);
        }

        @Override
        public JavaFileObject getJavaFileForOutput(Location location, String className, JavaFileObject.Kind kind, FileObject sibling) {
            return new SimpleJavaFileObject(URI.create("discard:///" + className.replace('.', '/') + kind.extension), kind) {
                @Override
                public OutputStream openOutputStream() {
                    return new OutputStream() {
                        @Override
                        public void write(int b) {
                            bytes++;
                        }

                        @Override
                        public void write(byte[] b, int off, int len) {
                            bytes += len;
                        }
                    };
                }
            };
        }
    }
}
