package dev.precog.agent.boot;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.net.MalformedURLException;
import java.net.URL;
import java.security.CodeSource;
import java.security.ProtectionDomain;
import java.security.cert.Certificate;
import java.util.Collections;
import java.util.Enumeration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

/**
 * Loads Precog and its libraries from the hidden {@code inst/} entries of the agent jar, where
 * classes are stored as {@code .classdata} so the application's class loader never sees them.
 * Its parent is the platform class loader: JDK classes are shared, the application's are not.
 * As a {@link LongSupplier} it counts the classes it defined, which Precog (loaded by it, so unable
 * to see this class) reads through that JDK interface to know when its classes changed.
 */
final class IsolatedClassLoader extends ClassLoader implements LongSupplier {

    static final String PREFIX = "inst/";
    static final String CLASS_SUFFIX = ".classdata";

    static {
        registerAsParallelCapable();
    }

    private final JarFile jar;
    private final String jarUrl;
    private final ProtectionDomain domain;
    private final AtomicLong defined = new AtomicLong();

    IsolatedClassLoader(File agentJar) throws IOException {
        super("precog", ClassLoader.getPlatformClassLoader());
        this.jar = new JarFile(agentJar, false);
        URL location = agentJar.toURI().toURL();
        this.jarUrl = "jar:" + location + "!/";
        this.domain = new ProtectionDomain(new CodeSource(location, (Certificate[]) null), null, this, null);
    }

    @Override
    protected Class<?> findClass(String name) throws ClassNotFoundException {
        JarEntry entry = jar.getJarEntry(PREFIX + name.replace('.', '/') + CLASS_SUFFIX);
        if (entry == null) {
            throw new ClassNotFoundException(name);
        }
        byte[] bytes;
        try (InputStream in = jar.getInputStream(entry)) {
            bytes = in.readAllBytes();
        } catch (IOException e) {
            throw new ClassNotFoundException(name + ": cannot read it from the agent jar", e);
        }
        definePackageOf(name);
        Class<?> c = defineClass(name, bytes, 0, bytes.length, domain);
        defined.incrementAndGet();
        return c;
    }

    /** Classes defined so far (hidden ones, which it does not define itself, not included). */
    @Override
    public long getAsLong() {
        return defined.get();
    }

    private void definePackageOf(String className) {
        int dot = className.lastIndexOf('.');
        if (dot < 0) {
            return;
        }
        String pkg = className.substring(0, dot);
        if (getDefinedPackage(pkg) == null) {
            try {
                definePackage(pkg, null, null, null, null, null, null, null);
            } catch (IllegalArgumentException alreadyDefinedByAnotherThread) {
                // parallel class loading defined it first; that is fine
            }
        }
    }

    @Override
    protected URL findResource(String name) {
        String entryName = PREFIX + (name.endsWith(".class")
                ? name.substring(0, name.length() - ".class".length()) + CLASS_SUFFIX
                : name);
        if (jar.getJarEntry(entryName) == null) {
            return null;
        }
        try {
            return new URL(jarUrl + entryName);
        } catch (MalformedURLException e) {
            return null;
        }
    }

    @Override
    protected Enumeration<URL> findResources(String name) {
        URL url = findResource(name);
        return url == null ? Collections.emptyEnumeration() : Collections.enumeration(Collections.singletonList(url));
    }
}
