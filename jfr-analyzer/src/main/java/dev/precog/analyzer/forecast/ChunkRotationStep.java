package dev.precog.analyzer.forecast;

/**
 * What Precog itself may add to the heap after a collection when it next ends a JFR chunk to bound
 * its stream parser (see {@code ChunkRotation}): the parser then builds its state for the new
 * chunks in the young generation, which survives, while the old chunks' state, long promoted,
 * stays in the old generation until an old collection. On four recordings of the step service the
 * first collection after the rotation was every miss of its 95% band: 0.7 MB each time, on a heap
 * otherwise flat to 0.1 MB a collection (0.1 to 0.7 MB on the plateau and the long healthy cache).
 * When it comes no history shows, so the 95% band reaches that far; the 80% band keeps to the
 * trend's own errors. A trend fitted over several rotations already follows their average climb;
 * this covers the step above it. Like every allowance it is not added to another (a bending
 * history's): the larger of them raises the band. Offline, the backtest knows Precog ran from the
 * whole recording (its -javaagent, or a chunk it ended), as the live agent knows it from the start.
 */
final class ChunkRotationStep {

    /** The largest step measured (0.7 MB on JDK 17, 0.8 MB on Temurin 25), rounded up. */
    static final double BYTES = 1 << 20;

    static final ForecastTarget.Allowance ALLOWANCE = new UntimedStep(BYTES,
            "what Precog's own JFR parser may keep when it next ends a chunk", "at most");

    private ChunkRotationStep() {}
}
