package dev.precog.analyzer.forecast;

import java.util.Locale;

/**
 * The CPU a backlog that feeds on itself may add as it grows: where the live set's trend rises in
 * the shape the leak detector calls EXPONENTIAL (each third climbing faster than the one before, as
 * a retry storm does), the work the backlog makes (its retries, its scans) grows with it. So this JVM's
 * Java threads' share of the CPU now, j, may become j × L(lead) / L(now) by a lead, L the live set
 * at the heap forecast's upper band of the same level. On the exponential backlog's recordings the
 * Java threads went from 2% of all CPUs to 10% while the live set grew sixteen-fold, and the
 * CPU's history was flat until its last two minutes, so no fit to it saw the rise coming. Like
 * {@link GcCpuGrowth} it bounds the upper bands, not the point forecast.
 *
 * @param javaShareNow the JVM's Java threads' CPU now ({@link GcCpuShare#javaThreads}), a share of all cores
 * @param heap the live set's forecast
 * @param heapLeadOffset seconds from the heap history's last point to the CPU history's
 * @param maxHeap the max heap, in bytes: the live set never grows past it
 */
record BacklogWork(double javaShareNow, GcCpuGrowth.LiveSetPath heap, double heapLeadOffset, double maxHeap)
        implements ForecastTarget.Allowance {

    /** How many times the live set now it is {@code lead} seconds ahead at the heap's upper band of {@code level}; never below 1. */
    double multiplier(double lead, double level) {
        double now = live(heapLeadOffset, 0);
        return Math.max(now, live(lead + heapLeadOffset, level)) / now;
    }

    @Override
    public double at(double lead, double level) {
        return javaShareNow * (multiplier(lead, level) - 1);
    }

    @Override
    public String describe(double lead) {
        if (at(lead, 0.95) < GcCpuGrowth.NOTEWORTHY) {
            return null;
        }
        return String.format(Locale.ROOT, "upper bands raised by the work a backlog growing ever faster may make: %.1f%% of all"
                + " CPUs in Java threads now, up to %.1f times that by the last point (as the live set grows)", 100 * javaShareNow,
                multiplier(lead, 0.95));
    }

    private double live(double lead, double level) {
        return heap.clipped(lead, level, maxHeap);
    }
}
