package dev.precog.it.harness;

import com.sun.tools.attach.VirtualMachine;
import java.util.ArrayList;
import java.util.List;
import javax.management.MBeanServerConnection;
import javax.management.ObjectName;
import javax.management.openmbean.CompositeData;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;

/** Talks to the Precog MBean of a child JVM over local JMX, as JConsole would. */
public final class PrecogJmx implements AutoCloseable {

    public static final String OBJECT_NAME = "dev.precog:type=Precog";

    private final JMXConnector connector;
    private final MBeanServerConnection server;
    private final ObjectName name;

    private PrecogJmx(JMXConnector connector) throws Exception {
        this.connector = connector;
        this.server = connector.getMBeanServerConnection();
        this.name = new ObjectName(OBJECT_NAME);
    }

    public static PrecogJmx connect(long pid) throws Exception {
        VirtualMachine vm = VirtualMachine.attach(Long.toString(pid));
        try {
            String address = vm.startLocalManagementAgent();
            return new PrecogJmx(JMXConnectorFactory.connect(new JMXServiceURL(address)));
        } finally {
            vm.detach();
        }
    }

    public boolean registered() throws Exception {
        return server.isRegistered(name);
    }

    public Object attribute(String attribute) throws Exception {
        return server.getAttribute(name, attribute);
    }

    /** The findings as JMX shows them: each one's id and kind. */
    public List<String> findingIdsAndKinds() throws Exception {
        List<String> out = new ArrayList<>();
        for (CompositeData f : (CompositeData[]) attribute("Findings")) {
            out.add(f.get("id") + " " + f.get("kind"));
        }
        return out;
    }

    public String writeReport() throws Exception {
        return (String) server.invoke(name, "writeReport", new Object[0], new String[0]);
    }

    /** Precog's own heap dump operation; returns the path written. */
    public String dumpHeap() throws Exception {
        return (String) server.invoke(name, "dumpHeap", new Object[0], new String[0]);
    }

    @Override
    public void close() throws Exception {
        connector.close();
    }
}
