package dev.precog.it.accuracy;

import java.util.Locale;
import java.util.Random;

/**
 * How often the page's test ({@link AccuracyTable#far}, each origin one trial) calls a series far
 * from nominal when its bands are known to be right, or known to be too narrow or too wide: a
 * forecaster that knows the process (independent noise about a level, a level that wanders and
 * comes back slowly, a random walk) forecasts it from the backtest's 24 origins and is judged over
 * every later point. Consecutive origins forecast much the same future, so for a persistent series
 * their outcomes hang together and the test, which counts them as independent, calls right bands
 * far well over 5% of the time: {@link ChanceOfFar}'s count is a floor. The same forecaster
 * recorded three times over is judged by {@link AcrossSets} as well, each recording one trial.
 * {@link #main} prints the table the README quotes.
 */
final class FarTestCalibration {

    /** The backtest's origins (ForecastBacktest.ORIGINS and FIRST_ORIGIN, which this module cannot see). */
    static final int ORIGINS = 24;
    static final double FIRST_ORIGIN = 0.25;
    static final double Z80 = 1.2815515655446004;
    static final double Z95 = 1.959963984540054;
    /** The most sets {@link #main} simulates: as many as the across-sets page holds. */
    private static final int MOST_SETS = 21;

    /** A process whose forecast from any point is known exactly. */
    enum Process {
        /** Independent standard normal noise about zero. */
        NOISE,
        /** An AR(1) with coefficient 0.9: a level that wanders and comes back slowly. */
        WANDERING,
        /** A random walk of standard normal steps. */
        RANDOM_WALK;

        static final double PHI = 0.9;

        double[] path(Random r, int n) {
            double[] x = new double[n];
            for (int i = 1; i < n; i++) {
                double step = r.nextGaussian();
                x[i] = switch (this) {
                    case NOISE -> step;
                    case WANDERING -> PHI * x[i - 1] + step;
                    case RANDOM_WALK -> x[i - 1] + step;
                };
            }
            return x;
        }

        /** The forecast {@code lead} steps after a point of value {@code last}: {mean, standard deviation}. */
        double[] forecast(double last, int lead) {
            return switch (this) {
                case NOISE -> new double[] {0, 1};
                case WANDERING -> new double[] {last * Math.pow(PHI, lead),
                    Math.sqrt((1 - Math.pow(PHI, 2 * lead)) / (1 - PHI * PHI))};
                case RANDOM_WALK -> new double[] {last, Math.sqrt(lead)};
            };
        }
    }

    private FarTestCalibration() {}

    /** One series' backtest: the origins scored, the (origin, point) pairs, and how many fell inside each band. */
    record Outcome(long origins, long pairs, long in80, long in95) {

        double coverage80() {
            return (double) in80 / pairs;
        }

        double coverage95() {
            return (double) in95 / pairs;
        }

        /** Whether the page's test ({@link AccuracyTable#far}, each origin one trial) calls it far. */
        boolean calledFar() {
            return AccuracyTable.far(coverage80(), AccuracyTable.NOMINAL_80, pairs, origins)
                    || AccuracyTable.far(coverage95(), AccuracyTable.NOMINAL_95, pairs, origins);
        }
    }

    /** A series of {@code points} points of {@code process} backtested with bands {@code bandScale} times the right width. */
    static Outcome backtest(Process process, int points, double bandScale, Random r) {
        double[] x = process.path(r, points);
        long origins = 0;
        long pairs = 0;
        long in80 = 0;
        long in95 = 0;
        int previous = -1;
        for (int k = 0; k < ORIGINS; k++) {
            // as the backtest places them: evenly from a quarter of the way in, the last point seen at the origin
            int origin = (int) Math.round(points * (FIRST_ORIGIN + (1 - FIRST_ORIGIN) * k / ORIGINS)) - 1;
            if (origin <= previous || origin >= points - 1) {
                continue;
            }
            previous = origin;
            origins++;
            for (int t = origin + 1; t < points; t++) {
                double[] f = process.forecast(x[origin], t - origin);
                double z = Math.abs(x[t] - f[0]) / (f[1] * bandScale);
                in80 += z <= Z80 ? 1 : 0;
                in95 += z <= Z95 ? 1 : 0;
                pairs++;
            }
        }
        return new Outcome(origins, pairs, in80, in95);
    }

    /**
     * The share of {@code runs} series of {@code points} points called far when the forecaster's
     * bands are {@code bandScale} times the right width.
     */
    static double farShare(Process process, int points, double bandScale, int runs, long seed) {
        Random r = new Random(seed);
        int far = 0;
        for (int run = 0; run < runs; run++) {
            far += backtest(process, points, bandScale, r).calledFar() ? 1 : 0;
        }
        return (double) far / runs;
    }

    /**
     * The share of {@code runs} series called far by {@link AcrossSets} when each is recorded
     * {@code sets} times independently (one recording per set) with bands {@code bandScale} times the right width.
     */
    static double farShareAcrossSets(Process process, int points, double bandScale, int sets, int runs, long seed) {
        Random r = new Random(seed);
        int far = 0;
        for (int run = 0; run < runs; run++) {
            double[] c80 = new double[sets];
            double[] c95 = new double[sets];
            long[] origins = new long[sets];
            for (int s = 0; s < sets; s++) {
                Outcome o = backtest(process, points, bandScale, r);
                c80[s] = o.coverage80();
                c95[s] = o.coverage95();
                origins[s] = o.origins();
            }
            far += AcrossSets.judgeBoth(c80, c95, origins).far() ? 1 : 0;
        }
        return (double) far / runs;
    }

    /**
     * Prints the shares called far for each process, length and band width, 2,000 series each: by
     * the page's test of one recording, and by {@link AcrossSets} over three to seventeen recordings.
     */
    public static void main(String[] args) {
        StringBuilder header = new StringBuilder("| process | points | bands | called far, one set |");
        StringBuilder rule = new StringBuilder("|---|---|---|---|");
        for (int sets = 3; sets <= MOST_SETS; sets++) {
            header.append(" across ").append(sets).append(" sets |");
            rule.append("---|");
        }
        System.out.println(header);
        System.out.println(rule);
        for (double scale : new double[] {1.0, 0.6, 1.6}) {
            for (Process p : Process.values()) {
                for (int points : new int[] {60, 240}) {
                    StringBuilder row = new StringBuilder(String.format(Locale.ROOT, "| %s | %d | %s | %.1f%% |",
                            p.name().toLowerCase(Locale.ROOT).replace('_', ' '), points,
                            scale == 1 ? "right" : scale < 1 ? "0.6 × too narrow" : "1.6 × too wide",
                            100 * farShare(p, points, scale, 2000, 1)));
                    for (int sets = 3; sets <= MOST_SETS; sets++) {
                        // each count of sets its own seed, as the table has always been printed
                        row.append(String.format(Locale.ROOT, " %.1f%% |",
                                100 * farShareAcrossSets(p, points, scale, sets, 2000, sets - 1)));
                    }
                    System.out.println(row);
                }
            }
        }
    }
}
