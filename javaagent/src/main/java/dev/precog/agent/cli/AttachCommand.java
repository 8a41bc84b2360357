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

    private AttachCommand() {}

    static int run(List<String> args, File agentJar, PrintStream out) throws CliException {
        if (args.isEmpty() || args.size() > 2) {
            throw new CliException(ExitCodes.USAGE, "usage: attach <pid> [key=value,key=value]");
        }
        String pid = Pids.parse(args.get(0));
        String optionText = args.size() == 2 ? args.get(1) : "";
        AgentOptions options;
        try {
            options = AgentOptions.parse(optionText);
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
            // A relative reportDir means relative to where the user typed the command, not to the target.
            reportDir = optionText.contains("reportDir=")
                    ? options.reportDir().toAbsolutePath().normalize()
                    : Path.of(props.getProperty("user.dir", "."));
        }
        AgentOptions resolved = new AgentOptions(reportDir, options.interval(), options.window(), options.hostInterval(),
                options.debug());
        try {
            ByteBuddyAgent.attach(agentJar, pid, resolved.toAgentString());
        } catch (RuntimeException e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            throw new CliException(ExitCodes.FAILED, "attaching to JVM " + pid + " failed: " + cause.getMessage());
        }
        out.println("Precog attached to JVM " + pid + "; report: " + reportDir.resolve("precog-report-" + pid + ".json"));
        out.println("Check it with: java -jar precog-agent.jar status " + pid);
        return ExitCodes.OK;
    }
}
