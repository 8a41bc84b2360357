package dev.precog.agent.jmx;

import dev.precog.model.Report;
import java.nio.file.Path;
import java.time.Instant;

/** What the MBean needs from the running agent. */
public interface AgentView {

    Report latest();

    Path reportFile();

    Instant lastWritten();

    Instant startedAt();

    String mode();

    String version();

    /** Problems worth telling the operator, or null. */
    String problems();

    Path writeReport();

    /**
     * Takes a heap dump of the live objects now, to the suggested path, readable by its owner
     * only; returns the file written.
     *
     * @throws IllegalStateException naming the reason when the disk lacks room or the dump fails
     */
    Path dumpHeap();
}
