package dev.precog.analyzer.forecast;

import java.util.Locale;

/**
 * The CPU the garbage collector adds as a leak fills the heap. A collector's work per second grows
 * with the live set it marks and copies and with how often a shrinking free heap makes it run:
 * with live set L and max heap M, as L / (M - L). So the GC's share of the CPU now, g, becomes
 * g × r(L at the lead) / r(L now) by a lead, r(L) = L / (M - L), with L at the lead from the heap
 * forecast. On a recorded slow leak the ratio grew 4.7-fold while the JVM's CPU grew 4.2-fold.
 *
 * @param gcShareNow the JVM's CPU outside its Java threads now ({@link GcCpuShare}), a share of all cores
 * @param heap the live set's fitted forecast
 * @param heapLeadOffset seconds from the heap history's last point to the CPU history's
 * @param maxHeap the max heap, in bytes
 */
record GcCpuGrowth(double gcShareNow, ForecastModel.Fit heap, double heapLeadOffset, double maxHeap)
        implements ForecastTarget.Allowance {

    /** The fullest heap counted: the ratio runs to infinity at a full heap, where the CPU is clipped to all cores anyway. */
    static final double FULLEST = 0.99;
    /** An addition below this share of all cores is not worth a word in the report. */
    static final double NOTEWORTHY = 0.001;

    /** How many times the GC's work now it does {@code lead} seconds ahead; never below 1. */
    double multiplier(double lead) {
        double now = live(heapLeadOffset);
        double then = Math.max(now, live(lead + heapLeadOffset));
        return pressure(then) / pressure(now);
    }

    @Override
    public double at(double lead) {
        return gcShareNow * (multiplier(lead) - 1);
    }

    @Override
    public String describe(double lead) {
        if (at(lead) < NOTEWORTHY) {
            return null;
        }
        return String.format(Locale.ROOT, "plus the garbage collector's CPU as the live set nears the max heap: %.1f%% of all"
                + " CPUs outside Java threads now, %.1f times that by the last point (live set / free heap grows so)",
                100 * gcShareNow, multiplier(lead));
    }

    private double live(double lead) {
        // a live set of zero would make every growth infinite; a megabyte is the least a JVM holds
        return Math.max(1 << 20, Math.min(FULLEST * maxHeap, heap.valueAt(lead)));
    }

    private double pressure(double live) {
        return live / (maxHeap - live);
    }
}
