package dev.precog.agent.cli;

import dev.precog.agent.AgentStarter;
import java.io.File;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.util.Arrays;
import java.util.List;

/** The command line of precog-agent.jar: list, attach, status, analyze, backtest, demo. */
public final class Cli {

    private static final String USAGE = String.join(System.lineSeparator(),
            "Precog " + AgentStarter.version() + " - JVM diagnostics agent",
            "usage: java -jar precog-agent.jar <command>",
            "  list                                  local JVMs you can attach to",
            "  attach <pid> [key=value,...]          start Precog in a running JVM (options as for -javaagent)",
            "  status <pid>                          what Precog found in that JVM (reads its MBean)",
            "  analyze <file.jfr> [--out F|-] [--window 10s] [--progress|--quiet]",
            "                                        the same analysis, offline, on a JFR recording",
            "                                        (progress on stderr when it is a terminal or with --progress)",
            "  backtest <file.jfr> [--out F|-] [--window 10s] [--detail metric,...] [--progress|--quiet]",
            "                                        how accurate Precog's forecasts were along a recording",
            "                                        (--detail heap.usedAfterGc: each forecast against what came)",
            "  demo [--dir D] [--seconds N]          run the bundled leaking service with Precog and show the report",
            "  help                                  this text");

    private Cli() {}

    /** Runs one command; returns the process exit code. Errors are one line on stderr. */
    public static int run(String[] args) {
        return run(args, System.out, System.err);
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length == 0 || List.of("help", "-h", "--help").contains(args[0])) {
            out.println(USAGE);
            return args.length == 0 ? ExitCodes.USAGE : ExitCodes.OK;
        }
        List<String> rest = Arrays.asList(args).subList(1, args.length);
        try {
            return switch (args[0]) {
                case "list" -> ListCommand.run(rest, out);
                case "attach" -> AttachCommand.run(rest, agentJar(), out);
                case "status" -> StatusCommand.run(rest, out);
                case "analyze" -> AnalyzeCommand.run(rest, out, err);
                case "backtest" -> BacktestCommand.run(rest, out, err);
                case "demo" -> DemoCommand.run(rest, agentJar(), out);
                default -> throw new CliException(ExitCodes.USAGE, "unknown command '" + args[0]
                        + "'; commands are list, attach, status, analyze, backtest, demo, help");
            };
        } catch (CliException e) {
            err.println("precog: " + e.getMessage());
            return e.exitCode();
        } catch (RuntimeException e) {
            err.println("precog: " + args[0] + " failed: " + e);
            return ExitCodes.FAILED;
        }
    }

    /** The jar this command runs from: what attach loads and demo starts. */
    private static File agentJar() throws CliException {
        try {
            return new File(Cli.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException | RuntimeException e) {
            throw new CliException(ExitCodes.FAILED, "cannot tell where precog-agent.jar is: " + e);
        }
    }
}
