package dev.precog.agent.cli;

import com.sun.tools.attach.AttachNotSupportedException;
import com.sun.tools.attach.VirtualMachine;
import java.io.IOException;
import java.util.Properties;

/** An attach-API connection to another local JVM, with errors turned into one-line messages. */
final class TargetJvm implements AutoCloseable {

    private final String pid;
    private final VirtualMachine vm;

    private TargetJvm(String pid, VirtualMachine vm) {
        this.pid = pid;
        this.vm = vm;
    }

    static TargetJvm attach(String pid) throws CliException {
        if (ProcessHandle.of(Long.parseLong(pid)).isEmpty()) {
            throw new CliException(ExitCodes.FAILED, "no process with pid " + pid + " (list local JVMs with: java -jar precog-agent.jar list)");
        }
        java.util.Optional<String> unsafe = AttachSafety.problem(pid);
        if (unsafe.isPresent()) {
            throw new CliException(ExitCodes.FAILED, unsafe.get());
        }
        try {
            return new TargetJvm(pid, VirtualMachine.attach(pid));
        } catch (AttachNotSupportedException e) {
            throw new CliException(ExitCodes.FAILED, "process " + pid + " is not a JVM this user can attach to ("
                    + message(e) + "); run as the user that owns it, and check it was not started with -XX:+DisableAttachMechanism");
        } catch (IOException e) {
            throw new CliException(ExitCodes.FAILED, "cannot attach to JVM " + pid + ": " + message(e));
        }
    }

    Properties systemProperties() throws CliException {
        try {
            return vm.getSystemProperties();
        } catch (IOException e) {
            throw new CliException(ExitCodes.FAILED, "cannot read the system properties of JVM " + pid + ": " + message(e));
        }
    }

    /** Starts (or finds) the JVM's local JMX agent and returns its address. */
    String localJmxAddress() throws CliException {
        try {
            return vm.startLocalManagementAgent();
        } catch (IOException e) {
            throw new CliException(ExitCodes.FAILED, "cannot start the JMX agent of JVM " + pid + ": " + message(e));
        }
    }

    static String message(Exception e) {
        String m = e.getMessage();
        return m == null || m.isBlank() ? e.getClass().getSimpleName() : m.strip().lines().findFirst().orElse(m);
    }

    @Override
    public void close() {
        try {
            vm.detach();
        } catch (IOException e) {
            // the target went away; nothing to release
        }
    }
}
