package dev.precog.analyzer.forecast;

import java.util.Locale;

/**
 * The CPU the garbage collector may add as a leak fills the heap. A collector's work per second
 * grows with the live set it marks and copies and with how often a shrinking free heap makes it
 * run: with live set L and max heap M, as L / (M - L). So the GC's share of the CPU now, g, may
 * become g × r(L at the lead) / r(L now) by a lead, r(L) = L / (M - L), with L at the lead from the
 * heap forecast's upper band at the same level (a live set growing faster is what makes the GC
 * cost more). On a recorded slow leak (256 MB heap) the CPU outside Java threads went from 0.2%
 * of all CPUs at a 70 MB live set to 4% at 220 MB, 20-fold, while r grew 16-fold; but it stayed
 * flat until old-generation cycles began near 185 MB, so this bounds what the GC may cost (the
 * upper bands), not when it starts (the point forecast).
 *
 * @param gcShareNow the JVM's CPU outside its Java threads now ({@link GcCpuShare}), a share of all cores
 * @param heap the live set's forecast
 * @param heapLeadOffset seconds from the heap history's last point to the CPU history's
 * @param maxHeap the max heap, in bytes
 */
record GcCpuGrowth(double gcShareNow, LiveSetPath heap, double heapLeadOffset, double maxHeap)
        implements ForecastTarget.Allowance {

    /** The fullest heap counted: the ratio runs to infinity at a full heap, where the CPU is clipped to all cores anyway. */
    static final double FULLEST = 0.99;
    /** An addition below this share of all cores is not worth a word in the report. */
    static final double NOTEWORTHY = 0.001;

    /** The live set {@code lead} seconds past the heap history's last point: the point forecast (level 0) or an upper band. */
    interface LiveSetPath {
        double at(double lead, double level);

        /**
         * {@link #at}, never above {@code most} and never under a megabyte, the least a JVM holds: a
         * live set of zero would make every growth infinite.
         */
        default double clipped(double lead, double level, double most) {
            return Math.max(1 << 20, Math.min(most, at(lead, level)));
        }
    }

    /**
     * How many times the GC's work now it does {@code lead} seconds ahead, with the live set at the
     * heap's upper band of {@code level}; never below 1.
     */
    double multiplier(double lead, double level) {
        double now = live(heapLeadOffset, 0);
        double then = Math.max(now, live(lead + heapLeadOffset, level));
        return pressure(then) / pressure(now);
    }

    @Override
    public double at(double lead, double level) {
        return gcShareNow * (multiplier(lead, level) - 1);
    }

    @Override
    public String describe(double lead) {
        if (at(lead, 0.95) < NOTEWORTHY) {
            return null;
        }
        return String.format(Locale.ROOT, "upper bands raised by what the garbage collector may cost as the live set nears the"
                + " max heap: %.1f%% of all CPUs outside Java threads now, up to %.1f times that by the last point (as live set"
                + " / free heap grows)", 100 * gcShareNow, multiplier(lead, 0.95));
    }

    private double live(double lead, double level) {
        return heap.clipped(lead, level, FULLEST * maxHeap);
    }

    private double pressure(double live) {
        return live / (maxHeap - live);
    }
}
