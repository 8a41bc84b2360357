package dev.precog.agent.cli;

import com.sun.tools.attach.VirtualMachine;
import com.sun.tools.attach.VirtualMachineDescriptor;
import java.io.PrintStream;
import java.util.List;

/** {@code list}: the local JVMs this user can attach to. */
final class ListCommand {

    private ListCommand() {}

    static int run(List<String> args, PrintStream out) throws CliException {
        if (!args.isEmpty()) {
            throw new CliException(ExitCodes.USAGE, "list takes no arguments");
        }
        long self = ProcessHandle.current().pid();
        List<VirtualMachineDescriptor> vms = VirtualMachine.list();
        out.printf("%-8s %s%n", "PID", "MAIN CLASS / JAR");
        for (VirtualMachineDescriptor vm : vms) {
            if (vm.id().equals(Long.toString(self))) {
                continue;
            }
            String name = vm.displayName().isBlank() ? "(unknown)" : vm.displayName();
            out.printf("%-8s %s%n", vm.id(), name);
        }
        return ExitCodes.OK;
    }
}
