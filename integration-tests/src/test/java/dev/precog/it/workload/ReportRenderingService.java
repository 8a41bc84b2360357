package dev.precog.it.workload;

/**
 * A reporting service whose request threads render reports with an expensive layout routine, all
 * CPU and no waiting: with more threads than cores it saturates the machine, and its own code
 * ({@link ReportRenderer#layout}) is where the CPU goes. Args: render threads.
 */
public final class ReportRenderingService {

    /** The expensive part: lays out every cell, again and again. */
    static final class ReportRenderer {
        static volatile long sink;

        static void layout(long report) {
            long h = report;
            for (int row = 0; row < 2_000; row++) {
                for (int col = 0; col < 50; col++) {
                    h = h * 31 + (row ^ col) + (h >>> 7);
                }
            }
            sink += h;
        }
    }

    private ReportRenderingService() {}

    public static void main(String[] args) throws InterruptedException {
        ParentWatch.start();
        RequestThreads.start("render", Integer.parseInt(args[0]), 0, ReportRenderer::layout);
        System.out.println("ready");
        Thread.currentThread().join();
    }
}
