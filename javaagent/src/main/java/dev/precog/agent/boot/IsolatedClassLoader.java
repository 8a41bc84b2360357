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
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

/**
 * Loads Precog and its libraries from the hidden {@code inst/} entries of the agent jar, where
 * classes are stored as {@code .classdata} so the application's class loader never sees them.
 * Its parent is the platform class loader: JDK classes are shared, the application's are not.
 */
final class IsolatedClassLoader extends ClassLoader {

    static final String PREFIX = "inst/";
    static final String CLASS_SUFFIX = ".classdata";

    static {
        registerAsParallelCapable();
    }

    private final JarFile jar;
    private final String jarUrl;
    private final ProtectionDomain domain;

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
        return defineClass(name, bytes, 0, bytes.length, domain);
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
