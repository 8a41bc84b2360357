package dev.precog.agent.boot;

import java.lang.instrument.Instrumentation;

/**
 * Premain-Class and Agent-Class of precog-agent.jar. It only hands off to the isolated runtime;
 * nothing escapes it, because a throwing premain stops the host JVM from starting.
 */
public final class PrecogAgent {

    private PrecogAgent() {}

    public static void premain(String options, Instrumentation instrumentation) {
        start(options, instrumentation, "startup");
    }

    public static void agentmain(String options, Instrumentation instrumentation) {
        start(options, instrumentation, "attach");
    }

    private static void start(String options, Instrumentation instrumentation, String mode) {
        try {
            Class<?> starter = Class.forName("dev.precog.agent.AgentStarter", true, AgentJar.isolatedLoader());
            starter.getMethod("start", String.class, Instrumentation.class, String.class)
                    .invoke(null, options, instrumentation, mode);
        } catch (Throwable t) {
            Throwable cause = t instanceof java.lang.reflect.InvocationTargetException && t.getCause() != null
                    ? t.getCause()
                    : t;
            System.err.println("precog: agent not started (" + cause + "); the application runs without it");
        }
    }
}
