package dev.precog.agent.boot;

import java.io.File;
import java.net.URISyntaxException;
import java.security.CodeSource;

/** Finds the agent jar this code runs from and the one isolated class loader over it. */
final class AgentJar {

    private static ClassLoader loader;

    private AgentJar() {}

    static File location() {
        CodeSource source = AgentJar.class.getProtectionDomain().getCodeSource();
        if (source == null || source.getLocation() == null) {
            throw new IllegalStateException("cannot tell which jar Precog was loaded from");
        }
        try {
            return new File(source.getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException("unusable agent jar location " + source.getLocation(), e);
        }
    }

    /** The isolated loader, created once per JVM (premain and a later attach share it). */
    static synchronized ClassLoader isolatedLoader() throws java.io.IOException {
        if (loader == null) {
            loader = new IsolatedClassLoader(location());
        }
        return loader;
    }
}
