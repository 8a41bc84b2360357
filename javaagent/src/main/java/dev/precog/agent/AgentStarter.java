package dev.precog.agent;

import dev.precog.agent.jmx.PrecogMBean;
import java.io.IOException;
import java.io.InputStream;
import java.lang.instrument.Instrumentation;
import java.time.Duration;
import java.time.Instant;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Starts Precog once per JVM, from premain or agentmain (called reflectively by the boot
 * class). Checks its preconditions before making any thread; a bad option or a JVM without JFR
 * gets one line on stderr and the application runs on without the agent.
 */
public final class AgentStarter {

    /** Set while Precog runs in this JVM, so a second attach (or the CLI) can tell. */
    public static final String RUNNING_PROPERTY = "dev.precog.agent";
    /** Set when Precog refused to start, so the attach command can tell the user why. */
    public static final String ERROR_PROPERTY = "dev.precog.agent.error";
    /** The mode of an agent started with the JVM ({@code -javaagent}), as opposed to attached. */
    static final String STARTUP_MODE = "startup";

    /** The last window's analysis and report take a second or two on a slow box; a stuck JFR call, for ever. */
    private static final long STOP_CEILING_SECONDS = 15;

    private static AgentRuntime running;

    private AgentStarter() {}

    public static synchronized void start(String optionText, Instrumentation instrumentation, String mode) {
        try {
            String already = System.getProperty(RUNNING_PROPERTY);
            if (running != null || already != null) {
                System.err.println("precog: already running in this JVM (" + already + "); the new " + mode
                        + " is ignored");
                return;
            }
            AgentOptions options;
            try {
                options = AgentOptions.parse(optionText);
            } catch (OptionsException e) {
                refuse(e.getMessage());
                return;
            }
            AgentLog log = new AgentLog(options.debug());
            String version = version();
            AgentThreads.Family threads = AgentThreads.family(log);
            if (!STARTUP_MODE.equals(mode)) {
                // attached to a running JVM: the attach command waits for the outcome, nobody else does
                launch(options, instrumentation, mode, log, version, threads);
                return;
            }
            // From premain the application waits for every millisecond spent here: JFR's set-up,
            // the management beans and the analyzer's classes take hundreds. Only the options are
            // checked before main; the rest starts on the agent's own thread.
            // (no lambda and no java.time here: each costs the cold JVM tens of milliseconds)
            System.setProperty(RUNNING_PROPERTY, version + " " + mode + " starting");
            threads.named("start").newThread(new Runnable() {
                @Override
                public void run() {
                    synchronized (AgentStarter.class) {
                        launch(options, instrumentation, mode, log, version, threads);
                    }
                }
            }).start();
        } catch (Throwable t) {
            refuse("agent not started (" + t + ")");
        }
    }

    /** Checks JFR, builds the runtime and starts it; any failure is one line on stderr. */
    private static void launch(AgentOptions options, Instrumentation instrumentation, String mode, AgentLog log,
            String version, AgentThreads.Family threads) {
        try {
            String jfrProblem = jfrProblem();
            if (jfrProblem != null) {
                refuse(jfrProblem);
                return;
            }
            AgentRuntime runtime = new AgentRuntime(options, version, mode, log, instrumentation, threads);
            running = runtime;
            System.setProperty(RUNNING_PROPERTY, version + " " + mode + " since " + Instant.now());
            AtomicBoolean registered = new AtomicBoolean();
            Runnable stop = () -> {
                runtime.stop();
                if (registered.get()) {
                    PrecogMBean.unregister();
                }
            };
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                // the JVM waits for every hook: whatever blocks in the agent must not keep it alive
                if (!BoundedStep.runWithin(stop, Duration.ofSeconds(STOP_CEILING_SECONDS), threads.named("stop"))) {
                    System.err.println("precog: not stopped within " + STOP_CEILING_SECONDS
                            + " s; the JVM exits without waiting for Precog's final report");
                }
            }, "precog-shutdown"));
            runtime.start(() -> {
                registered.set(registerMBean(runtime, log));
                if (registered.get()) {
                    runtime.mbeanRegistered();
                }
            });
            if (options.debug()) {
                System.err.println("precog: started (" + mode + "), report: " + runtime.reportFile());
            }
            runtime.accountThreads();
        } catch (Throwable t) {
            refuse("agent not started (" + t + ")");
        }
    }

    /** One line on stderr, and a property the attach command reads back. */
    private static void refuse(String why) {
        System.err.println("precog: " + why + "; the application runs without Precog");
        try {
            if (running == null) {
                System.clearProperty(RUNNING_PROPERTY);
            }
            System.setProperty(ERROR_PROPERTY, why);
        } catch (RuntimeException e) {
            // a security manager may forbid it; the stderr line is what counts
        }
    }

    /** Registers the MBean; true when this agent's bean is the registered one. */
    private static boolean registerMBean(AgentRuntime runtime, AgentLog log) {
        try {
            if (PrecogMBean.register(runtime)) {
                return true;
            }
            log.error(PrecogMBean.class.getSimpleName() + " already registered by another Precog; JMX shows that one", null);
        } catch (Exception e) {
            log.error("MBean not registered", e);
        }
        return false;
    }

    /** Why JFR cannot be used here, or null when it can. */
    private static String jfrProblem() {
        try {
            return jdk.jfr.FlightRecorder.isAvailable() ? null : "JDK Flight Recorder is not available in this JVM";
        } catch (Throwable t) {
            return "JDK Flight Recorder is missing from this Java runtime (" + t + ")";
        }
    }

    /** The agent's version, from the properties file the build writes. */
    public static String version() {
        try (InputStream in = AgentStarter.class.getResourceAsStream("precog-version.properties")) {
            if (in == null) {
                return "unknown";
            }
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version", "unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }
}
