package dev.precog.agent.cli;

import dev.precog.agent.AgentOptions;
import dev.precog.agent.AgentStarter;
import dev.precog.agent.OptionsException;
import java.io.File;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import net.bytebuddy.agent.ByteBuddyAgent;

/** {@code attach <pid> [options]}: loads this jar into a running JVM, the same runtime as premain. */
final class AttachCommand {

    private static final int MIN_JAVA = 17;

    private AttachCommand() {}

    static int run(List<String> args, File agentJar, PrintStream out) throws CliException {
        if (args.isEmpty() || args.size() > 2) {
            throw new CliException(ExitCodes.USAGE, "usage: attach <pid> [key=value,key=value]");
        }
        String pid = Pids.parse(args.get(0));
        AgentOptions options;
        try {
            options = AgentOptions.parse(args.size() == 2 ? args.get(1) : "");
        } catch (OptionsException e) {
            throw new CliException(ExitCodes.USAGE, e.getMessage());
        }
        Path reportDir;
        try (TargetJvm target = TargetJvm.attach(pid)) {
            Properties props = target.systemProperties();
            String running = props.getProperty(AgentStarter.RUNNING_PROPERTY);
            if (running != null) {
                throw new CliException(ExitCodes.WRONG_STATE, "Precog is already attached to JVM " + pid + " (" + running
                        + "); see what it found with: java -jar precog-agent.jar status " + pid);
            }
            checkJavaVersion(pid, props);
            // A relative reportDir means relative to where the user typed the command, not to the target.
            reportDir = options.reportDir().equals(AgentOptions.defaults().reportDir())
                    ? Path.of(props.getProperty("user.dir", "."))
                    : options.reportDir().toAbsolutePath().normalize();
        }
        String agentArguments;
        try {
            agentArguments = options.withReportDir(reportDir).toAgentString();
        } catch (OptionsException e) {
            throw new CliException(ExitCodes.USAGE, e.getMessage());
        }
        try {
            ByteBuddyAgent.attach(agentJar, pid, agentArguments);
        } catch (RuntimeException e) {
            throw new CliException(ExitCodes.FAILED, "attaching to JVM " + pid + " failed: " + rootCause(e));
        }
        confirmStarted(pid);
        out.println("Precog attached to JVM " + pid + "; report: " + reportDir.resolve("precog-report-" + pid + ".json"));
        out.println("Check it with: java -jar precog-agent.jar status " + pid);
        return ExitCodes.OK;
    }

    private static void checkJavaVersion(String pid, Properties props) throws CliException {
        String spec = props.getProperty("java.specification.version", "");
        try {
            int feature = Integer.parseInt(spec.startsWith("1.") ? spec.substring(2) : spec);
            if (feature < MIN_JAVA) {
                throw new CliException(ExitCodes.FAILED, "JVM " + pid + " runs Java " + spec + "; Precog needs Java "
                        + MIN_JAVA + " or newer");
            }
        } catch (NumberFormatException e) {
            // unknown version: let the attach itself tell
        }
    }

    /** The agent swallows its own failures to protect the target; read back whether it started. */
    private static void confirmStarted(String pid) throws CliException {
        try (TargetJvm target = TargetJvm.attach(pid)) {
            Properties props = target.systemProperties();
            if (props.getProperty(AgentStarter.RUNNING_PROPERTY) == null) {
                String error = props.getProperty(AgentStarter.ERROR_PROPERTY, "no reason given; see the JVM's stderr");
                throw new CliException(ExitCodes.FAILED, "Precog was loaded into JVM " + pid + " but did not start: " + error);
            }
        }
    }

    /** The innermost cause with a message; the attach API wraps failures several times over. */
    static String rootCause(Throwable t) {
        Throwable cause = t;
        String message = null;
        while (cause != null) {
            if (cause.getMessage() != null && !cause.getMessage().isBlank()) {
                message = cause.getClass().getSimpleName() + ": " + cause.getMessage().strip().lines().findFirst().orElse("");
            }
            if (cause.getCause() == cause) {
                break;
            }
            cause = cause.getCause();
        }
        if (message == null) {
            message = t.getClass().getSimpleName();
        }
        if (message.contains("AgentLoadException") || message.contains("EnableDynamicAgentLoading")) {
            message += " (the JVM may forbid loading agents at run time: start it with -XX:+EnableDynamicAgentLoading,"
                    + " or use -javaagent)";
        }
        return message;
    }
}
