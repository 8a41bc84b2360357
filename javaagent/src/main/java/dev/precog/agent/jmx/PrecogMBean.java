package dev.precog.agent.jmx;

import dev.precog.analyzer.report.Format;
import dev.precog.analyzer.report.ReportJson;
import dev.precog.model.AgentStats;
import dev.precog.model.OverheadBudget;
import dev.precog.model.RecentCost;
import dev.precog.model.Report;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.time.Instant;
import javax.management.InstanceAlreadyExistsException;
import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.ObjectName;

/** The MXBean implementation: a read-mostly view of the agent's latest report. */
public final class PrecogMBean implements PrecogMXBean {

    private final AgentView agent;

    public PrecogMBean(AgentView agent) {
        this.agent = agent;
    }

    /**
     * Registers the bean in the platform MBean server.
     *
     * @return false when another Precog already registered it (the caller should stand down)
     */
    public static boolean register(AgentView agent) throws JMException {
        MBeanServer server = ManagementFactory.getPlatformMBeanServer();
        try {
            server.registerMBean(new PrecogMBean(agent), new ObjectName(OBJECT_NAME));
            return true;
        } catch (InstanceAlreadyExistsException e) {
            return false;
        }
    }

    /** Removes the bean if it is registered; used at shutdown. */
    public static void unregister() {
        try {
            MBeanServer server = ManagementFactory.getPlatformMBeanServer();
            ObjectName name = new ObjectName(OBJECT_NAME);
            if (server.isRegistered(name)) {
                server.unregisterMBean(name);
            }
        } catch (JMException e) {
            // already gone
        }
    }

    /** True when a Precog agent is already registered in this JVM. */
    public static boolean isRegistered() {
        try {
            return ManagementFactory.getPlatformMBeanServer().isRegistered(new ObjectName(OBJECT_NAME));
        } catch (JMException e) {
            return false;
        }
    }

    @Override
    public String getStatus() {
        Report r = agent.latest();
        String problems = agent.problems();
        return "Precog " + agent.version() + " (" + agent.mode() + ") running for "
                + Format.duration(Duration.between(agent.startedAt(), Instant.now()).toSeconds())
                + ", " + r.agent().windowsAnalysed() + " windows analysed, " + r.findings().size() + " finding(s)"
                + (budget(r) == null || budget(r).level() == 0 ? ""
                        : "; sampling lowered to level " + budget(r).level() + " of " + budget(r).maxLevel()
                                + " to keep its overhead budget")
                + (r.agent().jfrAllocationSamplesLowered() == null ? ""
                        : "; allocation samples lowered to bound what JFR's stream parser holds")
                + (problems == null ? "" : "; problems: " + problems);
    }

    @Override
    public String getVersion() {
        return agent.version();
    }

    @Override
    public String getMode() {
        return agent.mode();
    }

    @Override
    public String getReportPath() {
        return agent.reportFile().toString();
    }

    @Override
    public String getReportWrittenAt() {
        Instant at = agent.lastWritten();
        return at == null ? null : at.toString();
    }

    @Override
    public FindingInfo[] getFindings() {
        return agent.latest().findings().stream().map(FindingInfo::of).toArray(FindingInfo[]::new);
    }

    @Override
    public ForecastInfo[] getForecasts() {
        return agent.latest().forecasts().stream().map(ForecastInfo::of).toArray(ForecastInfo[]::new);
    }

    @Override
    public String getReportJson() {
        return ReportJson.toJson(agent.latest());
    }

    @Override
    public double getAgentCpuFractionOfOneCore() {
        Double d = stats().cpuFractionOfOneCore();
        return d == null ? -1 : d;
    }

    @Override
    public double getAgentCpuFractionOfProcess() {
        Double d = stats().cpuFractionOfProcess();
        return d == null ? -1 : d;
    }

    @Override
    public long getAgentAllocatedBytes() {
        return stats().allocatedBytes();
    }

    @Override
    public long getAgentRetainedBytes() {
        Long b = stats().retainedBytes();
        return b == null ? -1 : b;
    }

    @Override
    public long getAgentClassCount() {
        Long c = stats().classCount();
        return c == null ? -1 : c;
    }

    @Override
    public long getAgentClassMetaspaceBytes() {
        Long b = stats().classMetaspaceBytes();
        return b == null ? -1 : b;
    }

    @Override
    public long getJfrParserStackBytes() {
        Long b = stats().jfrParserStackBytes();
        return b == null ? -1 : b;
    }

    @Override
    public String getJfrAllocationSamplesLowered() {
        return stats().jfrAllocationSamplesLowered();
    }

    @Override
    public double getAgentRecentCpuFractionOfOneCore() {
        RecentCost recent = stats().recent();
        return recent == null || recent.cpuFractionOfOneCore() == null ? -1 : recent.cpuFractionOfOneCore();
    }

    @Override
    public double getJfrEventsPerSecond() {
        RecentCost recent = stats().recent();
        return recent == null ? -1 : recent.jfrEventsPerSecond();
    }

    @Override
    public double getOverheadBudgetFractionOfOneCore() {
        OverheadBudget b = budget(agent.latest());
        return b == null ? -1 : b.budgetFractionOfOneCore();
    }

    @Override
    public int getOverheadLevel() {
        OverheadBudget b = budget(agent.latest());
        return b == null ? 0 : b.level();
    }

    @Override
    public String[] getOverheadActions() {
        OverheadBudget b = budget(agent.latest());
        return b == null ? new String[0] : b.actions().toArray(String[]::new);
    }

    @Override
    public String getOverheadReason() {
        OverheadBudget b = budget(agent.latest());
        return b == null ? null : b.reason();
    }

    private static OverheadBudget budget(Report r) {
        return r.agent().budget();
    }

    @Override
    public long getEventsProcessed() {
        return stats().eventsProcessed();
    }

    @Override
    public long getEventsDropped() {
        return stats().eventsDropped();
    }

    @Override
    public long getWindowsAnalysed() {
        return stats().windowsAnalysed();
    }

    @Override
    public String writeReport() {
        return agent.writeReport().toString();
    }

    @Override
    public String dumpHeap() {
        return agent.dumpHeap().toString();
    }

    private AgentStats stats() {
        return agent.latest().agent();
    }
}
