package dev.precog.it.overhead;

import com.fasterxml.jackson.databind.JsonNode;

/** The agent's account of its own cost, from the {@code agent} object of its last report. */
record AgentCost(long uptimeMillis, long cpuTimeMillis, double cpuFractionOfOneCore, double cpuFractionOfProcess,
        long allocatedBytes, long eventsProcessed, long eventsDropped) {

    static AgentCost from(JsonNode agent) {
        return new AgentCost(agent.path("uptimeMillis").asLong(), agent.path("cpuTimeMillis").asLong(),
                agent.path("cpuFractionOfOneCore").asDouble(Double.NaN), agent.path("cpuFractionOfProcess").asDouble(Double.NaN),
                agent.path("allocatedBytes").asLong(), agent.path("eventsProcessed").asLong(), agent.path("eventsDropped").asLong());
    }
}
