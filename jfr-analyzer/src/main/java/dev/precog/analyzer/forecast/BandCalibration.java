package dev.precog.analyzer.forecast;

import dev.precog.analyzer.timeline.Series;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;

/**
 * Scales a series' bands by how its own earlier forecasts fared as their time came: a conformal
 * calibration on the series' realized errors, per lead and per model, that assumes nothing about
 * their distribution. The backtest that sizes the bands ({@link ModelSelection}) sees fits to
 * shorter histories than the forecast's and a multiple of their spread; what the series did after
 * each of Precog's own forecasts is what the bands are judged by.
 *
 * <p>Each remembered forecast is scored at every point that came after it by its {@link #reach}
 * (at most 1 inside the band). A lead's factor is the nominal quantile of the reaches its model's
 * forecasts scored there, shrunk towards the factor of the shorter leads (1 for the first) by
 * {@link #PRIOR_WEIGHT} pseudo-points. The 80% band narrows or widens, never under its least half-width
 * ({@link SeriesForecaster.Fitted#bandsAt}); the 95% band only widens,
 * since it must reach what no forecast has met yet. A narrowing is not carried past the leads that
 * showed it (a series inside its bands for a minute is not known to stay inside them for ten); a
 * widening is. On the recordings of sets 30 to 34 (184 series), backtested at every window as the
 * agent forecasts, the 80% band was outside 70-90% on 44 of them, from 64; the 95% band's coverage
 * hardly moved (80 outside 90-99%, from 75).
 */
final class BandCalibration {

    /** Forecasts remembered to be scored as their points come: five minutes of the agent's 10-s evaluations. */
    static final int MAX_FORECASTS = 32;
    /** Reaches kept per lead bin, the most recent. */
    static final int MAX_SCORED = 128;
    /**
     * Weight of the factor the shorter leads give, in pseudo-points at 80%: points after one forecast hang together. At
     * 95% four times as many, so the prior is worth as many misses at either band: a band's rarer misses need more points
     * to place.
     */
    static final double PRIOR_WEIGHT = 30;
    /** The first lead bin's upper edge, in seconds; each next bin is twice as long, the last open (about eight hours on). */
    static final double FIRST_BIN_SECONDS = 15;
    static final int BINS = 12;
    /** The factors never leave this range: a few dozen points do not make a band ten times narrower or wider. */
    static final double LEAST = 0.3;
    static final double MOST = 3;
    /** A factor this close to 1 at every lead shown goes unsaid in the forecast's adjustment. */
    static final double WORTH_SAYING = 0.05;

    private final Deque<Remembered> forecasts = new ArrayDeque<>();
    /** The reaches by the model whose forecast they scored, each model's by lead bin (created as points come). */
    private final Map<String, Bin[]> bins = new HashMap<>();
    /** The factors of each model as last worked out; cleared when a point is scored. */
    private final Map<String, Factors> factors = new HashMap<>();

    /** Scores every remembered forecast at the points of {@code observed} that came since it was last scored. */
    synchronized void observe(Series observed) {
        double[] t = observed.times();
        double[] v = observed.values();
        for (Remembered f : forecasts) {
            for (int i = 0; i < t.length; i++) {
                if (t[i] <= f.scoredUntil) {
                    continue;
                }
                double lead = t[i] - f.madeAt();
                if (lead > f.horizon()) {
                    break;
                }
                double[] b = f.fitted.bandsAt(lead);
                Bin[] model = bins.computeIfAbsent(f.fitted.selection().model().name(), m -> new Bin[BINS]);
                int at = bin(lead);
                if (model[at] == null) {
                    model[at] = new Bin();
                }
                model[at].add(reach(v[i], b[0], b[3], b[4]), reach(v[i], b[0], b[1], b[2]));
                f.scoredUntil = t[i];
                factors.clear();
            }
        }
        // a forecast whose horizon has passed has nothing more to score
        double last = t.length == 0 ? Double.NEGATIVE_INFINITY : t[t.length - 1];
        forecasts.removeIf(f -> last - f.madeAt() > f.horizon());
    }

    /** Remembers {@code fitted}, made from a history ending at its last point, to be scored as its future comes. */
    synchronized void remember(SeriesForecaster.Fitted fitted) {
        Series h = fitted.target().history();
        double madeAt = h.lastTime();
        Iterator<Remembered> newest = forecasts.descendingIterator();
        if (newest.hasNext() && newest.next().madeAt() >= madeAt) {
            // the same history again (no new point), or an earlier view: not another forecast to score
            return;
        }
        // the bands need the fit and the target's limits, not the history it was fitted to
        SeriesForecaster.Fitted kept = new SeriesForecaster.Fitted(fitted.target().withHistory(h.last(1)), fitted.fit(),
                fitted.selection());
        forecasts.addLast(new Remembered(kept));
        while (forecasts.size() > MAX_FORECASTS) {
            forecasts.removeFirst();
        }
    }

    /**
     * The factors the bands of {@code model}'s forecasts are scaled by now: from its own earlier forecasts only, since
     * each model sizes its bands its own way (none while it has made none that came due).
     */
    synchronized Factors factors(String model) {
        Bin[] scored = bins.get(model);
        return scored == null ? Factors.NONE : factors.computeIfAbsent(model, m -> workedOut(scored));
    }

    private static Factors workedOut(Bin[] bins) {
        double[] at80 = new double[BINS];
        double[] at95 = new double[BINS];
        int[] scored = new int[BINS];
        double prior80 = 1;
        double prior95 = 1;
        for (int i = 0; i < BINS; i++) {
            Bin bin = bins[i] == null ? Bin.EMPTY : bins[i];
            scored[i] = bin.size();
            at80[i] = bin.factor(0, 0.8, prior80);
            // the 95% band must reach what no forecast has met yet: widened where it missed, never narrowed
            at95[i] = Math.max(1, bin.factor(1, 0.95, prior95));
            // a narrowing is not carried past the leads that showed it
            prior80 = Math.max(1, at80[i]);
            prior95 = Math.max(1, at95[i]);
        }
        return new Factors(at80, at95, scored);
    }

    /**
     * How far {@code actual} lay from the forecast {@code value} towards the edge of the band {@code [low, high]} on
     * its side: 0 at the point, 1 at the edge, more outside. A band scaled about its point by a factor holds the
     * actual exactly when its reach is at most that factor.
     */
    static double reach(double actual, double value, double low, double high) {
        double off = actual - value;
        double edge = off >= 0 ? high - value : value - low;
        if (off == 0) {
            return 0;
        }
        return edge <= 0 ? Double.POSITIVE_INFINITY : Math.abs(off) / edge;
    }

    static int bin(double lead) {
        int i = 0;
        double edge = FIRST_BIN_SECONDS;
        while (lead > edge && i < BINS - 1) {
            edge *= 2;
            i++;
        }
        return i;
    }

    /**
     * The factors by lead: {@code at80[i]} and {@code at95[i]} for the leads of bin {@code i} ({@link #bin}), with
     * how many points each bin scored.
     */
    record Factors(double[] at80, double[] at95, int[] scored) {

        /** No calibration: every band as the model gives it. */
        static final Factors NONE = new Factors(filled(1), filled(1), new int[BINS]);

        double at80(double lead) {
            return at80[bin(lead)];
        }

        double at95(double lead) {
            return at95[bin(lead)];
        }

        /**
         * How the bands up to {@code lead} were scaled, in words, or null when by less than {@link #WORTH_SAYING} at
         * every lead: the least and the greatest factor of each band, and how many points scored them.
         */
        String describe(double lead) {
            int last = bin(lead);
            double[] range80 = range(at80, last);
            double[] range95 = range(at95, last);
            if (Math.abs(range80[0] - 1) < WORTH_SAYING && Math.abs(range80[1] - 1) < WORTH_SAYING
                    && Math.abs(range95[0] - 1) < WORTH_SAYING && Math.abs(range95[1] - 1) < WORTH_SAYING) {
                return null;
            }
            int points = 0;
            for (int i = 0; i <= last; i++) {
                points += scored[i];
            }
            return String.format(Locale.ROOT, "bands scaled to how the series fell after its earlier forecasts (%d points): 80%% %s, 95%% %s",
                    points, times(range80), times(range95));
        }

        private static double[] range(double[] factors, int last) {
            double least = Double.POSITIVE_INFINITY;
            double most = Double.NEGATIVE_INFINITY;
            for (int i = 0; i <= last; i++) {
                least = Math.min(least, factors[i]);
                most = Math.max(most, factors[i]);
            }
            return new double[] {least, most};
        }

        private static String times(double[] range) {
            return Math.abs(range[1] - range[0]) < 0.005 ? String.format(Locale.ROOT, "x%.2f", range[0])
                    : String.format(Locale.ROOT, "x%.2f to x%.2f", range[0], range[1]);
        }

        private static double[] filled(double value) {
            double[] a = new double[BINS];
            Arrays.fill(a, value);
            return a;
        }
    }

    /** A forecast kept to be scored, and the time of the last point it was scored at. */
    private static final class Remembered {
        final SeriesForecaster.Fitted fitted;
        double scoredUntil;

        Remembered(SeriesForecaster.Fitted fitted) {
            this.fitted = fitted;
            this.scoredUntil = madeAt();
        }

        /** The time of the last point the forecast was made from. */
        double madeAt() {
            return fitted.target().history().lastTime();
        }

        double horizon() {
            return fitted.target().horizonSeconds();
        }
    }

    /** The reaches of one lead bin at 80% and 95%, the most recent {@link #MAX_SCORED}. */
    private static final class Bin {
        static final Bin EMPTY = new Bin();

        private final double[][] reaches = new double[2][MAX_SCORED];
        private int next;
        private int size;

        void add(double at80, double at95) {
            reaches[0][next] = at80;
            reaches[1][next] = at95;
            next = (next + 1) % MAX_SCORED;
            size = Math.min(MAX_SCORED, size + 1);
        }

        int size() {
            return size;
        }

        double factor(int band, double coverage, double prior) {
            if (size == 0) {
                return prior;
            }
            double[] sorted = Arrays.copyOf(reaches[band], size);
            Arrays.sort(sorted);
            double empirical = sorted[Math.min(size - 1, (int) Math.ceil(coverage * size) - 1)];
            double weight = PRIOR_WEIGHT * 0.2 / (1 - coverage);
            double shrunk = (size * empirical + weight * prior) / (size + weight);
            return Math.max(LEAST, Math.min(MOST, shrunk));
        }
    }
}
