package dev.precog.agent;

import java.lang.instrument.Instrumentation;

/** Tells whether java.util.logging may be initialised without taking the application's choice of LogManager away. */
final class LogManagerGate {

    private LogManagerGate() {}

    /** True when no custom LogManager is named, or when the named one is already loaded. */
    static boolean isReady(Instrumentation instrumentation) {
        String manager = System.getProperty("java.util.logging.manager");
        if (manager == null || manager.isBlank() || instrumentation == null) {
            return true;
        }
        for (Class<?> c : instrumentation.getAllLoadedClasses()) {
            if (c.getName().equals(manager)) {
                return true;
            }
        }
        return false;
    }
}
