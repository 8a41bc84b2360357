package dev.precog.it.workload;

import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.logging.LogManager;

/**
 * Started with -Djava.util.logging.manager naming a class that is not on its class path: like
 * WildFly, it makes the class loadable a few seconds into its start-up, then initialises logging.
 * Prints which LogManager it got, then ticks. Args: directory holding the LogManager class.
 */
public final class OwnLogManagerApp {

    private OwnLogManagerApp() {}

    public static void main(String[] args) throws Exception {
        ParentWatch.start();
        System.out.println("ready");
        Thread.sleep(4_000); // "booting modules"; the agent is up by now
        URLClassLoader modules = new URLClassLoader(new URL[] {Path.of(args[0]).toUri().toURL()},
                OwnLogManagerApp.class.getClassLoader());
        Thread.currentThread().setContextClassLoader(modules);
        System.out.println("logmanager=" + LogManager.getLogManager().getClass().getName());
        for (int i = 0; ; i++) {
            System.out.println("tick " + i);
            Thread.sleep(500);
        }
    }
}
