package dev.precog.agent;

import dev.precog.model.RecentCost;
import java.time.Duration;
import java.util.ArrayDeque;

/**
 * The agent's cost readings: the first, for lifetime figures, and those of the last period, for
 * recent ones. Holds at most one reading per window of the period (and one before it), so it
 * stays small.
 */
final class CostHistory {

    private final long periodNanos;
    private final CostReading first;
    private final ArrayDeque<CostReading> readings = new ArrayDeque<>();

    CostHistory(Duration period, CostReading first) {
        this.periodNanos = period.toNanos();
        this.first = first;
        readings.add(first);
    }

    synchronized void add(CostReading reading) {
        readings.addLast(reading);
        // keep the newest reading at or before the period's start, so the recent span is a full period
        while (readings.size() > 2 && nth(1).nanoTime() <= reading.nanoTime() - periodNanos) {
            readings.removeFirst();
        }
    }

    private CostReading nth(int n) {
        return readings.stream().skip(n).findFirst().orElseThrow();
    }

    CostReading first() {
        return first;
    }

    synchronized CostReading latest() {
        return readings.getLast();
    }

    /** The cost over the last period (shorter early on); null before a second reading. */
    synchronized RecentCost recent() {
        return readings.size() < 2 ? null : readings.getLast().since(readings.getFirst());
    }
}
