package dev.precog.it.workload;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.jna.Library;
import com.sun.jna.Native;
import java.util.Map;

/**
 * An application that brings its own (older) Jackson and JNA. It uses both while the agent
 * runs, and reports which versions it got and whether the agent's libraries leaked into its
 * class path. Prints "APP-OK ..." every half second.
 */
public final class OwnLibrariesApp {

    /** libc through the application's own JNA. */
    public interface CLib extends Library {
        int getpid();
    }

    private OwnLibrariesApp() {}

    public static void main(String[] args) throws Exception {
        ParentWatch.start();
        ObjectMapper mapper = new ObjectMapper();
        CLib libc = Native.load("c", CLib.class);
        boolean agentVisible = visible("oshi.SystemInfo") || visible("org.HdrHistogram.Histogram")
                || visible("dev.precog.analyzer.Analyzer");
        // Native.VERSION is a compile-time constant (declared in a package-private interface);
        // read it reflectively to see the JNA actually loaded.
        java.lang.reflect.Field versionField = Native.class.getField("VERSION");
        versionField.setAccessible(true);
        Object jnaVersion = versionField.get(null);
        for (int i = 0; ; i++) {
            String json = mapper.writeValueAsString(Map.of("tick", i));
            int pid = libc.getpid();
            System.out.println("APP-OK jackson=" + com.fasterxml.jackson.databind.cfg.PackageVersion.VERSION
                    + " jna=" + jnaVersion + " pid=" + pid + " json=" + json + " agentClassesVisible=" + agentVisible);
            Thread.sleep(500);
        }
    }

    private static boolean visible(String className) {
        try {
            Class.forName(className, false, OwnLibrariesApp.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }
}
