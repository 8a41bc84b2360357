package dev.precog.agent.pool;

import java.io.IOException;
import java.io.InputStream;
import java.lang.instrument.Instrumentation;
import java.lang.reflect.Method;
import java.security.ProtectionDomain;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Defines Precog's {@code dev.precog.bootstrap} classes in the boot class loader, where code
 * inlined into JDK classes can see them. Appending a jar to the boot class path would do the
 * same, but makes the JVM print a warning and turn off class-data sharing for the application's
 * classes; defining the few classes directly does neither.
 */
final class BootInjector {

    /** Dependencies first: a class is defined only after those it refers to. */
    static final List<String> CLASSES = List.of(
            "dev.precog.bootstrap.PoolStats",
            "dev.precog.bootstrap.PoolTable",
            "dev.precog.bootstrap.PoolHooks",
            "dev.precog.bootstrap.ThreadPoolEvent");

    private BootInjector() {}

    /**
     * Makes sure the boot loader has every class in {@link #CLASSES}, and lets {@code java.base}
     * read the boot loader's unnamed module they live in.
     *
     * @throws ReflectiveOperationException when this JVM does not allow it; nothing is then changed
     *     beyond classes already defined
     */
    static void inject(Instrumentation instrumentation) throws ReflectiveOperationException, IOException {
        Module javaBase = Object.class.getModule();
        Module self = BootInjector.class.getModule();
        instrumentation.redefineModule(javaBase, Set.of(), Map.of(), Map.of("jdk.internal.misc", Set.of(self)), Set.of(),
                Map.of());
        Class<?> unsafeClass = Class.forName("jdk.internal.misc.Unsafe");
        Object unsafe = unsafeClass.getMethod("getUnsafe").invoke(null);
        Method define = unsafeClass.getMethod("defineClass", String.class, byte[].class, int.class, int.class,
                ClassLoader.class, ProtectionDomain.class);
        Class<?> last = null;
        for (String name : CLASSES) {
            last = bootClass(name);
            if (last == null) {
                byte[] bytes = bytesOf(name);
                last = (Class<?>) define.invoke(unsafe, name, bytes, 0, bytes.length, null, null);
            }
        }
        Module bootUnnamed = last.getModule();
        // java.base reads no unnamed module by default; the inlined hooks need this edge.
        instrumentation.redefineModule(javaBase, Set.of(bootUnnamed), Map.of(), Map.of(), Set.of(), Map.of());
    }

    /** The class as the boot loader has it, or null. */
    static Class<?> bootClass(String name) {
        try {
            return Class.forName(name, false, null);
        } catch (ClassNotFoundException e) {
            return null;
        }
    }

    private static byte[] bytesOf(String name) throws IOException {
        String resource = name.replace('.', '/') + ".class";
        ClassLoader loader = BootInjector.class.getClassLoader();
        try (InputStream in = loader == null ? null : loader.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IOException(resource + " is missing from the agent");
            }
            return in.readAllBytes();
        }
    }
}
