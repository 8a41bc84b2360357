package dev.precog.agent.profiler;

import java.io.IOException;
import java.io.InputStream;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.management.ManagementFactory;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Precog's own copy of async-profiler, loaded once per JVM. Its classes come from
 * {@code inst/asprof/} of the agent jar through a loader of their own (an application that ships
 * {@code one.profiler} classes keeps them, and Precog's loader never sees them); the native library
 * is copied to a new owner-only temporary directory, loaded from there and deleted at once (the
 * mapping stays). The directory keeps async-profiler's log, so nothing reaches the application's
 * stdout, and is removed by {@link #close()}.
 */
final class AsyncProfilerLibrary implements AutoCloseable {

    /** Where the async-profiler jar's content sits among the isolated loader's resources. */
    static final String RESOURCES = "asprof/";
    static final String CLASS_NAME = "one.profiler.AsyncProfiler";
    static final String LIBRARY_FILE = "libasyncProfiler.so";
    /** The first JDK whose JNI loading warns or fails without native access (JEP 472). */
    static final int RESTRICTED_NATIVE_ACCESS_FROM = 24;

    private final Path directory;
    private final NativeProfiler profiler;

    private AsyncProfilerLibrary(Path directory, NativeProfiler profiler) {
        this.directory = directory;
        this.profiler = profiler;
    }

    /** The directory of the bundled library for this platform, or null where Precog has none. */
    static String platform(String osName, String osArch) {
        String os = osName.toLowerCase(Locale.ROOT);
        String arch = osArch.toLowerCase(Locale.ROOT);
        if (!os.contains("linux")) {
            return null;
        }
        return switch (arch) {
            case "amd64", "x86_64" -> "linux-x64";
            case "aarch64", "arm64" -> "linux-arm64";
            default -> null;
        };
    }

    /** Why this JVM's platform has no library, or null when it has one. */
    static String unsupportedPlatform() {
        String os = System.getProperty("os.name", "");
        String arch = System.getProperty("os.arch", "");
        return platform(os, arch) != null ? null
                : "Precog bundles async-profiler for Linux x64 and arm64 only, not " + os + " " + arch;
    }

    /**
     * Why JNI loading must not happen here, or null when it may: from JDK 24 a library loaded by a
     * module without native access prints a warning on the application's stderr (or fails with
     * {@code --illegal-native-access=deny}); only the operator can grant it.
     */
    static String nativeAccessRefusal(int feature, boolean nativeAccessEnabled, List<String> jvmArguments) {
        if (feature < RESTRICTED_NATIVE_ACCESS_FROM || nativeAccessEnabled
                || jvmArguments.contains("--illegal-native-access=allow")) {
            return null;
        }
        return "JDK " + feature + " restricts native libraries (JEP 472): loading async-profiler would print a warning on"
                + " the application's stderr; start the JVM with --enable-native-access=ALL-UNNAMED to allow it";
    }

    /**
     * Loads the library from {@code resources} (the isolated loader, which maps {@code asprof/…}
     * to the agent jar's hidden entries).
     *
     * @throws ProfilerUnavailableException naming what is missing or refused
     */
    static AsyncProfilerLibrary load(ClassLoader resources) throws ProfilerUnavailableException {
        String platform = platform(System.getProperty("os.name", ""), System.getProperty("os.arch", ""));
        if (platform == null) {
            throw new ProfilerUnavailableException(unsupportedPlatform());
        }
        Class<?> api;
        try {
            api = Class.forName(CLASS_NAME, false, new ProfilerClassLoader(resources));
        } catch (ClassNotFoundException | LinkageError e) {
            throw new ProfilerUnavailableException("async-profiler's classes are missing from the agent jar: " + e);
        }
        String refusal = nativeAccessRefusal(Runtime.version().feature(), nativeAccessEnabled(api.getModule()),
                ManagementFactory.getRuntimeMXBean().getInputArguments());
        if (refusal != null) {
            throw new ProfilerUnavailableException(refusal);
        }
        Path directory = null;
        try {
            directory = Files.createTempDirectory("precog-asprof-",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            if (directory.toString().contains(",")) {
                // async-profiler's commands are comma-separated: the log path could not be passed
                throw new ProfilerUnavailableException("the temporary directory " + directory
                        + " holds a comma, which async-profiler commands cannot carry");
            }
            Path library = directory.resolve(LIBRARY_FILE);
            try (InputStream in = resources.getResourceAsStream(RESOURCES + platform + "/" + LIBRARY_FILE)) {
                if (in == null) {
                    throw new ProfilerUnavailableException("the agent jar holds no async-profiler library for " + platform);
                }
                Files.copy(in, library);
            }
            Files.setPosixFilePermissions(library, PosixFilePermissions.fromString("r-x------"));
            MethodHandles.Lookup lookup = MethodHandles.publicLookup();
            Object instance;
            try {
                instance = lookup.findStatic(api, "getInstance", MethodType.methodType(api, String.class))
                        .invoke(library.toString());
            } catch (UnsatisfiedLinkError e) {
                throw new ProfilerUnavailableException("cannot load async-profiler from " + directory + " (is "
                        + directory.getParent() + " mounted noexec?): " + e.getMessage());
            } finally {
                // loaded or not, the file is not needed any more: a crash leaves nothing behind
                Files.deleteIfExists(library);
            }
            Method execute = api.getMethod("execute", String.class);
            // every command names the log file: without it async-profiler writes to the application's stdout
            String log = ",log=" + directory.resolve("async-profiler.log");
            return new AsyncProfilerLibrary(directory, command -> {
                try {
                    return (String) execute.invoke(instance, command + log);
                } catch (InvocationTargetException e) {
                    throw e.getCause() instanceof Exception thrown ? thrown : e;
                }
            });
        } catch (ProfilerUnavailableException e) {
            deleteQuietly(directory);
            throw e;
        } catch (Throwable t) {
            deleteQuietly(directory);
            throw new ProfilerUnavailableException("async-profiler not loaded: " + t);
        }
    }

    private static boolean nativeAccessEnabled(Module module) {
        try {
            // Module.isNativeAccessEnabled exists from JDK 22; before 24 loading is unrestricted anyway
            return (Boolean) Module.class.getMethod("isNativeAccessEnabled").invoke(module);
        } catch (ReflectiveOperationException beforeJdk22) {
            return false;
        }
    }

    /** The directory Precog's copy was loaded from; libraries mapped from under it are Precog's own. */
    Path directory() {
        return directory;
    }

    NativeProfiler profiler() {
        return profiler;
    }

    /** Removes the directory and the log; the library itself stays loaded, as a JVM cannot unload it. */
    @Override
    public void close() {
        deleteQuietly(directory);
    }

    private static void deleteQuietly(Path dir) {
        if (dir == null) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | RuntimeException ignored) {
            // a temporary directory left behind is not worth an error
        }
    }

    /** Defines only {@code one.profiler} classes, from {@code asprof/} resources; its parent is the platform loader. */
    private static final class ProfilerClassLoader extends ClassLoader {

        static {
            registerAsParallelCapable();
        }

        private final ClassLoader resources;

        ProfilerClassLoader(ClassLoader resources) {
            super("precog-async-profiler", ClassLoader.getPlatformClassLoader());
            this.resources = resources;
        }

        @Override
        protected Class<?> findClass(String name) throws ClassNotFoundException {
            if (!name.startsWith("one.profiler.")) {
                throw new ClassNotFoundException(name);
            }
            try (InputStream in = resources.getResourceAsStream(RESOURCES + name.replace('.', '/') + ".class")) {
                if (in == null) {
                    throw new ClassNotFoundException(name);
                }
                byte[] bytes = in.readAllBytes();
                return defineClass(name, bytes, 0, bytes.length);
            } catch (IOException e) {
                throw new ClassNotFoundException(name + ": cannot read it from the agent jar", e);
            }
        }
    }
}
