package dev.precog.agent.cli;

import dev.precog.agent.jmx.PrecogMXBean;
import dev.precog.analyzer.report.ReportWriter;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import javax.management.JMException;
import javax.management.MBeanServerConnection;
import javax.management.ObjectName;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;

/** {@code status <pid>}: reads Precog's MBean in that JVM and prints a short summary. */
final class StatusCommand {

    private StatusCommand() {}

    static int run(List<String> args, PrintStream out) throws CliException {
        if (args.size() != 1) {
            throw new CliException(ExitCodes.USAGE, "usage: status <pid>");
        }
        String pid = Pids.parse(args.get(0));
        String address;
        try (TargetJvm target = TargetJvm.attach(pid)) {
            address = target.localJmxAddress();
        }
        try (JMXConnector connector = JMXConnectorFactory.connect(new JMXServiceURL(address))) {
            MBeanServerConnection server = connector.getMBeanServerConnection();
            ObjectName name = new ObjectName(PrecogMXBean.OBJECT_NAME);
            if (!server.isRegistered(name)) {
                throw new CliException(ExitCodes.WRONG_STATE, "Precog is not running in JVM " + pid
                        + " (or is still starting); attach it with: java -jar precog-agent.jar attach " + pid);
            }
            out.println((String) server.getAttribute(name, "Status"));
            Path report = Path.of((String) server.getAttribute(name, "ReportPath"));
            out.println("Report: " + report + " (written " + orNever(server.getAttribute(name, "ReportWrittenAt")) + ")");
            out.println("Page:   " + ReportWriter.htmlBeside(report));
            ReportSummary.print(ReportSummary.parse((String) server.getAttribute(name, "ReportJson")), out);
            return ExitCodes.OK;
        } catch (IOException e) {
            throw new CliException(ExitCodes.FAILED, "cannot read Precog's MBean in JVM " + pid + ": " + TargetJvm.message(e));
        } catch (JMException e) {
            throw new CliException(ExitCodes.FAILED, "Precog's MBean in JVM " + pid + " did not answer: " + TargetJvm.message(e));
        }
    }

    private static String orNever(Object at) {
        return at == null ? "not yet" : at.toString();
    }
}
